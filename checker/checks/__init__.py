"""Newsroom checks beside NLI: numbers, dates, people in roles, who is cited."""
