kpis = [("Revenue", 1523400.5, "$"), ("Users", 48213, ""), ("Churn", 0.0345, "%"), ("NPS", 41.5, "")]
for name, value, unit in kpis:
    if unit == "$":
        shown = f"${value:,.0f}"
    elif unit == "%":
        shown = f"{value:.2%}"
    elif isinstance(value, int):
        shown = f"{value:,}"
    else:
        shown = f"{value:.1f}"
    print(f"{name:.<12}{shown:.>14}")
