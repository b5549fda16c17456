package bad

func F() int { return 1 }
