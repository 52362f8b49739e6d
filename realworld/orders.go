package main

import (
	"encoding/json"
	"fmt"
)

// ordersJSON makes the input of the gojq workload: 4,000 orders drawn from a fixed linear
// congruential sequence, so that the file is the same on every machine without being committed.
func ordersJSON() []byte {
	type item struct {
		SKU   string  `json:"sku"`
		Qty   int     `json:"qty"`
		Price float64 `json:"price"`
	}
	type order struct {
		ID       int    `json:"id"`
		Region   string `json:"region"`
		Customer string `json:"customer"`
		Date     string `json:"date"`
		Items    []item `json:"items"`
	}
	state := uint64(20260509)
	next := func(n int) int {
		state = state*6364136223846793005 + 1442695040888963407
		return int(state>>33) % n
	}
	regions := []string{"north", "south", "east", "west", "central"}
	orders := make([]order, 4000)
	for i := range orders {
		o := order{
			ID:       i + 1,
			Region:   regions[next(len(regions))],
			Customer: fmt.Sprintf("c%03d", next(250)),
			Date:     fmt.Sprintf("2026-%02d-%02d", 1+next(12), 1+next(28)),
		}
		for range 1 + next(5) {
			o.Items = append(o.Items, item{SKU: fmt.Sprintf("sku-%04d", next(900)), Qty: 1 + next(9), Price: float64(99+next(19900)) / 100})
		}
		orders[i] = o
	}
	b, err := json.MarshalIndent(orders, "", " ")
	if err != nil {
		panic(err) // cannot happen: plain structs
	}
	return b
}
