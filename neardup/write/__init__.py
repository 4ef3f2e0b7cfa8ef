"""Write stage: per-document records, kept copies and the run summary."""
