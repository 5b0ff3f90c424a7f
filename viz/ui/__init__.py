"""Qt layer: shows core results and turns clicks into requests. Never touches torch modules."""
