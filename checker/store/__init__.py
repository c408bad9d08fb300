"""Models on disk: the catalog, offline-first hub resolution, downloads and status."""
