"""A generated demo office (deterministic per seed) for the demo mode, tests and benchmarks.

Top of the core: it may import every other part, and nothing imports it.
"""
