"""Reading sources: files, stdin and URLs, decoding, boilerplate cleaning, sentences."""
