"""chronology stage."""
