// format_number: decimal separators, half-away-from-zero rounding on decimal digits, no "-0".
#include <doctest/doctest.h>

#include <cmath>
#include <limits>

#include "core/calc/calc.h"

using namespace crb::calc;

TEST_CASE("format_number basics") {
    CHECK(format_number(33.333, 1, false) == "33.3");
    CHECK(format_number(33.333, 1, true) == "33,3");
    CHECK(format_number(3.5, 2, false) == "3.50");
    CHECK(format_number(3.5, 2, true) == "3,50");
    CHECK(format_number(42, 0, false) == "42");
    CHECK(format_number(42, 0, true) == "42");
    CHECK(format_number(0, 2, false) == "0.00");
    CHECK(format_number(0.05, 1, false) == "0.1");
    CHECK(format_number(1234567.891, 2, false) == "1234567.89");
    CHECK(format_number(1e9, 2, true) == "1000000000,00");
    CHECK(format_number(0.001, 2, false) == "0.00");
    CHECK(format_number(100.0 / 3, 3, false) == "33.333");
    CHECK(format_number(200.0 / 3, 1, false) == "66.7");
}

TEST_CASE("format_number rounds half away from zero") {
    CHECK(format_number(2.675, 2, false) == "2.68");  // stored as 2.67499999...
    CHECK(format_number(1.005, 2, false) == "1.01");
    CHECK(format_number(0.125, 2, false) == "0.13");
    CHECK(format_number(2.5, 0, false) == "3");
    CHECK(format_number(3.5, 0, false) == "4");
    CHECK(format_number(-2.5, 0, false) == "-3");
    CHECK(format_number(-2.675, 2, false) == "-2.68");
    CHECK(format_number(9.995, 2, false) == "10.00");
    CHECK(format_number(99.95, 1, false) == "100.0");
    CHECK(format_number(0.45, 1, false) == "0.5");
    CHECK(format_number(4.0999, 1, false) == "4.1");
    CHECK(format_number(2.4999, 0, false) == "2");
    CHECK(format_number(0.1 + 0.2, 1, false) == "0.3");
    CHECK(format_number(1.45, 1, true) == "1,5");
}

TEST_CASE("format_number never prints negative zero") {
    CHECK(format_number(-0.0, 1, false) == "0.0");
    CHECK(format_number(-0.0, 0, false) == "0");
    CHECK(format_number(-0.04, 1, false) == "0.0");
    CHECK(format_number(-0.004, 2, true) == "0,00");
    CHECK(format_number(-0.4, 0, false) == "0");
    CHECK(format_number(-0.05, 1, false) == "-0.1");
    CHECK(format_number(-1e-12, 3, false) == "0.000");
}

TEST_CASE("format_number odd inputs") {
    CHECK(format_number(1.25, -3, false) == "1");
    CHECK(format_number(std::nan(""), 1, false) == "\xE2\x80\x94");
    CHECK(format_number(std::numeric_limits<double>::infinity(), 1, false) == "\xE2\x80\x94");
    CHECK(format_number(1e20, 0, false) == "100000000000000000000");
    CHECK(format_number(1.5e-7, 6, false) == "0.000000");
    CHECK(format_number(5e-7, 6, false) == "0.000001");
}
