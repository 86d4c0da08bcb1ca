LATER = True
