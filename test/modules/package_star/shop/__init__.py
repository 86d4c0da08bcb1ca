__all__ = ["cart", "prices", "OPEN"]
OPEN = True
print("shop: init")
