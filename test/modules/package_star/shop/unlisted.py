print("shop.unlisted: loaded")
