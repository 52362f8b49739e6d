# The real-world suite's gojq workload: totals per region, the best customers and the busiest
# month of orders.json, with the functions of ~/.jq (lib.jq).
{
  regions: (group_by(.region) | map({region: .[0].region, orders: length, revenue: (map(order_total) | add | cents)})),
  top_customers: (group_by(.customer) | map({customer: .[0].customer, spent: (map(order_total) | add | cents)}) | sort_by(-.spent) | .[:5]),
  busiest_month: (map(.date[0:7]) | histogram | to_entries | max_by(.value)),
  skus: ([.[].items[].sku] | unique | length),
  largest: (max_by(order_total) | {id, total: (order_total | cents)})
}
