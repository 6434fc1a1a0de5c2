"""State income tax rules that are more than a table: one module per state, named by
its postal code, each with ``income_tax(ctx)`` built from the steps of
:class:`calculators.tax.state.StateContext`. A state's table says ``rules = true``."""
