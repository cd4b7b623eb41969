"""Yhdessä: a platform for local participation work in Finnish municipalities."""
