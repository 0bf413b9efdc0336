"""The runs layer: refresh, crawl, import, demo, export; it wires fetch, parse, normalise, store, report."""
