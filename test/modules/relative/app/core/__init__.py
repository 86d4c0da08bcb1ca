__all__ = ["engine", "KIND"]
KIND = "core"
