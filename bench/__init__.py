"""Benchmarks of Gremium against baselines measured in the same run (``python -m bench``).

Never part of the test suite's pass/fail: each figure is printed with its
ratio to a baseline measured on the same machine a moment before, so the
ratio holds on a noisy machine where the absolute figure does not.
"""
