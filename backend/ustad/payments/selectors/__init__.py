"""Reads of the money model shared by views: earnings and ledger movements."""
