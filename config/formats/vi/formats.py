"""Vietnamese formats as offices write them: dd/mm/yyyy, 1.234.567,89.

Django's own vi locale leaves the input formats unset, so a typed 05/03/2020 would be read
month-first; these take precedence through FORMAT_MODULE_PATH.
"""

DATE_FORMAT = "d/m/Y"
SHORT_DATE_FORMAT = "d/m/Y"
DATETIME_FORMAT = "d/m/Y H:i"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
TIME_FORMAT = "H:i"
YEAR_MONTH_FORMAT = "m/Y"
MONTH_DAY_FORMAT = "d/m"
FIRST_DAY_OF_WEEK = 1
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d"]
DATETIME_INPUT_FORMATS = [
    "%d/%m/%Y %H:%M",
    "%d/%m/%Y %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d %H:%M:%S",
]
TIME_INPUT_FORMATS = ["%H:%M", "%H:%M:%S", "%Hh%M"]
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "."
# No automatic grouping: years and codes are numbers too; figures use the vnnumber filter.
NUMBER_GROUPING = 0
