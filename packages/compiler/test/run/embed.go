package main

type Animal struct {
	name string
	legs int
}

func (a Animal) Describe() string { return a.name }
func (a *Animal) AddLeg()        { a.legs++ }

type Dog struct {
	Animal
	breed string
}

type Kennel struct {
	*Dog
	size int
}

func main() {
	d := Dog{Animal{"rex", 4}, "lab"}
	d.AddLeg()
	println(d.Describe(), d.legs, d.name, d.breed)
	k := Kennel{&d, 3}
	k.AddLeg()
	println(k.Describe(), k.legs, d.legs, k.size)
	pk := &k
	pk.AddLeg()
	println(pk.legs, pk.Dog.Animal.legs)
}
