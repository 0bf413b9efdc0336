"""Fetch stage: the HTTP session, UNTC URL shapes and discovery, the raw store, the loopback mirror, runs."""
