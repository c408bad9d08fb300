"""Judging pairs: NLI backends (torch, ONNX), label order, export, the verdict rule."""
