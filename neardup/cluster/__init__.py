"""Cluster stage: verified pairs → connected components → stories with one kept copy each."""
