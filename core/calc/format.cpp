// Number formatting shared by the UI and the report.
//
// Rounding happens on decimal digits, not on the binary double: the value is first written with 15
// significant digits (every decimal of up to 15 digits survives the trip through a double), so 2.675
// -- stored as 2.67499999... -- is seen as "2.675" and rounds half away from zero to "2.68". The same
// absorbs the last-bit noise of computed averages. The sign is added only if a non-zero digit remains,
// so nothing ever prints as "-0" or "-0.0".
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "core/calc/calc.h"

namespace crb::calc {

std::string format_number(double v, int decimals, bool comma) {
    if (!std::isfinite(v)) return "\xE2\x80\x94";  // em dash: nothing meaningful to show
    if (decimals < 0) decimals = 0;
    if (decimals > 15) decimals = 15;
    const bool negative = std::signbit(v);

    // "d.dddddddddddddde+XX": 15 significant digits and a decimal exponent.
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.14e", std::fabs(v));
    std::string mantissa;
    const char* p = buf;
    for (; *p && *p != 'e'; ++p)
        if (*p >= '0' && *p <= '9') mantissa.push_back(*p);
    const int exponent = *p == 'e' ? std::atoi(p + 1) : 0;
    const bool zero = mantissa.find_first_not_of('0') == std::string::npos;
    const int point = zero ? 1 : exponent + 1;  // digits of the mantissa before the decimal point

    // Integer and fraction digits of |v|.
    std::string int_digits, frac_digits;
    const int n = static_cast<int>(mantissa.size());
    if (point <= 0) {
        int_digits = "0";
        frac_digits = std::string(static_cast<size_t>(-point), '0') + mantissa;
    } else if (point >= n) {
        int_digits = mantissa + std::string(static_cast<size_t>(point - n), '0');
    } else {
        int_digits = mantissa.substr(0, static_cast<size_t>(point));
        frac_digits = mantissa.substr(static_cast<size_t>(point));
    }

    // Round half away from zero at `decimals` fraction digits (we work on |v|, so "up").
    bool round_up = false;
    if (static_cast<int>(frac_digits.size()) > decimals) {
        round_up = frac_digits[static_cast<size_t>(decimals)] >= '5';
        frac_digits.resize(static_cast<size_t>(decimals));
    } else {
        frac_digits.append(static_cast<size_t>(decimals) - frac_digits.size(), '0');
    }
    std::string digits = int_digits + frac_digits;
    if (round_up) {
        size_t i = digits.size();
        while (i > 0) {
            --i;
            if (digits[i] == '9') {
                digits[i] = '0';
            } else {
                ++digits[i];
                break;
            }
            if (i == 0) digits.insert(digits.begin(), '1');
        }
    }

    const size_t int_len = digits.size() - static_cast<size_t>(decimals);
    std::string ip = digits.substr(0, int_len);
    const std::string fp = digits.substr(int_len);
    const size_t first = ip.find_first_not_of('0');
    ip = first == std::string::npos ? "0" : ip.substr(first);

    std::string out;
    if (negative && digits.find_first_not_of('0') != std::string::npos) out.push_back('-');
    out += ip;
    if (decimals > 0) {
        out.push_back(comma ? ',' : '.');
        out += fp;
    }
    return out;
}

}  // namespace crb::calc
