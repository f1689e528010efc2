"""What every tool shares: months, dates, "A 至 B" spans, error locations."""
