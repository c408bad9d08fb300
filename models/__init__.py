"""The model catalog: one TOML manifest per supported model (shipped as checker._catalog)."""
