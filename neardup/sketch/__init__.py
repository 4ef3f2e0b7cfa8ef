"""Sketch stage: normalised words → hashed shingle sets → MinHash signatures → LSH band keys."""
