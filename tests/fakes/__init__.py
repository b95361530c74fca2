"""Fakes at the boundaries: local servers that speak the real protocols."""
