print("shop.prices: loaded")
from .cart import items
table = {name: 1.5 for name in items}
