"""Normalise parsed participants: ISO 3166 codes that survive renames, and tidy typed pandas frames.

The package imports none of its modules itself: its data files (known_events.csv, the name tables) are
read by modules that do not need the code tables (start-up time); import `pipeline.normalise.codes` etc.
"""
