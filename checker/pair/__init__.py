"""Pairing: sentence embeddings, recall-first candidate selection, reprint groups."""
