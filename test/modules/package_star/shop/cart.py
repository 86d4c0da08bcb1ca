print("shop.cart: loaded")
items = ["apple"]
