__all__ = ["alpha", "_hidden_but_listed", "gamma"]
alpha = 1
beta = 2
_hidden_but_listed = 3
gamma = 4
_private = 5
