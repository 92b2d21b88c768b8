"""Reference data the programmes need from the start: the currencies of the member states and the two
most used between them. Written by migration 0002 and again by the demo seeder (a test that empties
the tables, such as a browser test, seeds the demo again)."""

CURRENCIES = [
    ("RUB", "Российский рубль", "Russian rouble"),
    ("USD", "Доллар США", "US dollar"),
    ("EUR", "Евро", "Euro"),
    ("AMD", "Армянский драм", "Armenian dram"),
    ("BYN", "Белорусский рубль", "Belarusian rouble"),
    ("KZT", "Казахстанский тенге", "Kazakhstani tenge"),
    ("KGS", "Кыргызский сом", "Kyrgyz som"),
    ("TJS", "Таджикский сомони", "Tajikistani somoni"),
]
