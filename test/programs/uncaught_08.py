# Uncaught NameError for a misspelled local/global name: the traceback line ends with "Did you mean: ...?".
def total_price(items):
    subtotal = sum(price for _, price in items)
    discount_rate = 0.1
    return subtotal * (1 - discount_rte)

cart = [("apple", 1.25), ("pear", 2.5)]
print("items:", len(cart))
print(total_price(cart))
