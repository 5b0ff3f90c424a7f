"""Pieces of the embeddings view: 2-D plots, the optional 3-D scene, the side panel."""
