"""Client programs the benchmark runs in their own processes; each file runs standalone."""
