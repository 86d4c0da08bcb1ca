print("lazy: loaded")
NAME = "lazy"
