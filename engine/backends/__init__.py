"""Storage backends: one class per protocol behind :class:`engine.backends.base.Backend`."""
