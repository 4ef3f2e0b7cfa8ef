"""Match stage: LSH band keys → candidate pairs → verification on the real shingle sets."""
