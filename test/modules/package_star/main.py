import sys
from shop import *
print(OPEN, cart.items, prices.table)
print(sorted(k for k in sys.modules if k.startswith("shop")))
print("unlisted" in globals())
from shop import unlisted, cart as c2
print(unlisted.__name__, c2 is cart)
