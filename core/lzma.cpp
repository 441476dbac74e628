// lzma.cpp — raw LZMA1 decoding (see lzma.h). Follows the published LZMA format: a binary range
// coder with adaptive 11-bit probabilities; literals coded bit by bit in the context of the previous
// byte (and, right after a match, of the byte at the last match distance); matches as a length and
// either one of the four last distances ("rep") or a new distance coded by slot, direct bits and
// four reverse-coded alignment bits.
#include "core/lzma.h"

#include <vector>

namespace crb {

namespace {

using Prob = std::uint16_t;
constexpr unsigned kProbBits = 11;
constexpr Prob kProbInit = 1u << (kProbBits - 1);
constexpr unsigned kMoveBits = 5;
constexpr unsigned kStates = 12;
constexpr unsigned kPosBitsMax = 4;
constexpr unsigned kLenToPosStates = 4;
constexpr unsigned kEndPosModelIndex = 14;
constexpr unsigned kFullDistances = 1u << (kEndPosModelIndex >> 1);
constexpr unsigned kAlignBits = 4;
constexpr unsigned kMatchMinLen = 2;

class RangeDecoder {
public:
    RangeDecoder(const std::uint8_t* in, std::size_t size) : in_(in), end_(in + size) {
        // The first byte of a stream is always 0; then four bytes fill the code.
        if (next() != 0) bad_ = true;
        for (int i = 0; i < 4; ++i) code_ = (code_ << 8) | next();
        if (code_ == range_) bad_ = true;
    }
    bool bad() const { return bad_; }

    unsigned bit(Prob& p) {
        const std::uint32_t bound = (range_ >> kProbBits) * p;
        unsigned b;
        if (code_ < bound) {
            range_ = bound;
            p = static_cast<Prob>(p + (((1u << kProbBits) - p) >> kMoveBits));
            b = 0;
        } else {
            range_ -= bound;
            code_ -= bound;
            p = static_cast<Prob>(p - (p >> kMoveBits));
            b = 1;
        }
        normalize();
        return b;
    }

    std::uint32_t direct(unsigned count) {
        std::uint32_t res = 0;
        while (count--) {
            range_ >>= 1;
            code_ -= range_;
            const std::uint32_t t = 0u - (code_ >> 31);  // all ones when the bit is 0
            code_ += range_ & t;
            if (code_ == range_) bad_ = true;
            normalize();
            res = (res << 1) + (t + 1);
        }
        return res;
    }

    // `count` bits, most significant first, through the tree probs[1 .. 2^count - 1].
    unsigned tree(Prob* probs, unsigned count) {
        unsigned m = 1;
        for (unsigned i = 0; i < count; ++i) m = (m << 1) + bit(probs[m]);
        return m - (1u << count);
    }
    // The same tree read least significant bit first.
    unsigned reverse_tree(Prob* probs, unsigned count) {
        unsigned m = 1, sym = 0;
        for (unsigned i = 0; i < count; ++i) {
            const unsigned b = bit(probs[m]);
            m = (m << 1) + b;
            sym |= b << i;
        }
        return sym;
    }

private:
    std::uint8_t next() {
        if (in_ == end_) {
            bad_ = true;  // the stream ended early
            return 0;
        }
        return *in_++;
    }
    void normalize() {
        if (range_ < (1u << 24)) {
            range_ <<= 8;
            code_ = (code_ << 8) | next();
        }
    }

    const std::uint8_t* in_;
    const std::uint8_t* end_;
    std::uint32_t range_ = 0xFFFFFFFFu;
    std::uint32_t code_ = 0;
    bool bad_ = false;
};

struct LenDecoder {
    Prob choice = kProbInit, choice2 = kProbInit;
    Prob low[1u << kPosBitsMax][1u << 3];
    Prob mid[1u << kPosBitsMax][1u << 3];
    Prob high[1u << 8];
    LenDecoder() {
        for (auto& row : low)
            for (auto& p : row) p = kProbInit;
        for (auto& row : mid)
            for (auto& p : row) p = kProbInit;
        for (auto& p : high) p = kProbInit;
    }
    unsigned decode(RangeDecoder& rc, unsigned pos_state) {
        if (rc.bit(choice) == 0) return rc.tree(low[pos_state], 3);
        if (rc.bit(choice2) == 0) return 8 + rc.tree(mid[pos_state], 3);
        return 16 + rc.tree(high, 8);
    }
};

template <size_t N>
void init(Prob (&probs)[N]) {
    for (auto& p : probs) p = kProbInit;
}

}  // namespace

bool lzma_decode(const std::uint8_t* in, std::size_t in_size, LzmaProps props, std::uint8_t* out,
                 std::size_t out_size) {
    if (props.lc > 8 || props.lp > 4 || props.pb > 4 || props.lc + props.lp > 8) return false;
    if (!in || (!out && out_size)) return false;

    RangeDecoder rc(in, in_size);
    std::vector<Prob> literal(std::size_t{0x300} << (props.lc + props.lp), kProbInit);
    Prob is_match[kStates << kPosBitsMax], is_rep[kStates], is_rep_g0[kStates], is_rep_g1[kStates],
        is_rep_g2[kStates], is_rep0_long[kStates << kPosBitsMax];
    Prob pos_slot[kLenToPosStates][1u << 6], pos_special[1 + kFullDistances - kEndPosModelIndex],
        align[1u << kAlignBits];
    init(is_match), init(is_rep), init(is_rep_g0), init(is_rep_g1), init(is_rep_g2), init(is_rep0_long);
    for (auto& row : pos_slot) init(row);
    init(pos_special), init(align);
    LenDecoder len_decoder, rep_len_decoder;

    const unsigned pb_mask = (1u << props.pb) - 1, lp_mask = (1u << props.lp) - 1;
    std::uint32_t rep0 = 0, rep1 = 0, rep2 = 0, rep3 = 0;
    unsigned state = 0;
    std::size_t pos = 0;

    while (pos < out_size) {
        if (rc.bad()) return false;
        const unsigned pos_state = static_cast<unsigned>(pos) & pb_mask;

        if (rc.bit(is_match[(state << kPosBitsMax) + pos_state]) == 0) {
            // A literal, in the context of the previous byte (and after a match, of the match byte).
            const unsigned prev = pos ? out[pos - 1] : 0;
            const unsigned lit_state =
                ((static_cast<unsigned>(pos) & lp_mask) << props.lc) + (prev >> (8 - props.lc));
            Prob* probs = &literal[std::size_t{0x300} * lit_state];
            unsigned symbol = 1;
            if (state >= 7) {
                if (rep0 >= pos) return false;
                unsigned match_byte = out[pos - rep0 - 1];
                do {
                    const unsigned match_bit = (match_byte >> 7) & 1;
                    match_byte <<= 1;
                    const unsigned b = rc.bit(probs[((1 + match_bit) << 8) + symbol]);
                    symbol = (symbol << 1) | b;
                    if (match_bit != b) break;
                } while (symbol < 0x100);
            }
            while (symbol < 0x100) symbol = (symbol << 1) | rc.bit(probs[symbol]);
            out[pos++] = static_cast<std::uint8_t>(symbol - 0x100);
            state = state < 4 ? 0 : (state < 10 ? state - 3 : state - 6);
            continue;
        }

        unsigned len;
        if (rc.bit(is_rep[state]) != 0) {
            if (pos == 0) return false;
            if (rc.bit(is_rep_g0[state]) == 0) {
                if (rc.bit(is_rep0_long[(state << kPosBitsMax) + pos_state]) == 0) {
                    // "Short rep": one byte from the last distance.
                    if (rep0 >= pos) return false;
                    state = state < 7 ? 9 : 11;
                    out[pos] = out[pos - rep0 - 1];
                    ++pos;
                    continue;
                }
            } else {
                std::uint32_t dist;
                if (rc.bit(is_rep_g1[state]) == 0) {
                    dist = rep1;
                } else {
                    if (rc.bit(is_rep_g2[state]) == 0) {
                        dist = rep2;
                    } else {
                        dist = rep3;
                        rep3 = rep2;
                    }
                    rep2 = rep1;
                }
                rep1 = rep0;
                rep0 = dist;
            }
            len = rep_len_decoder.decode(rc, pos_state);
            state = state < 7 ? 8 : 11;
        } else {
            rep3 = rep2;
            rep2 = rep1;
            rep1 = rep0;
            len = len_decoder.decode(rc, pos_state);
            state = state < 7 ? 7 : 10;
            // The distance, coded by a 6-bit slot chosen by the length (0, 1, 2, 3 and longer).
            const unsigned slot = rc.tree(pos_slot[len < kLenToPosStates - 1 ? len : kLenToPosStates - 1], 6);
            if (slot < 4) {
                rep0 = slot;
            } else {
                const unsigned direct_bits = (slot >> 1) - 1;
                std::uint32_t dist = (2 | (slot & 1)) << direct_bits;
                if (slot < kEndPosModelIndex) {
                    dist += rc.reverse_tree(pos_special + dist - slot, direct_bits);
                } else {
                    dist += rc.direct(direct_bits - kAlignBits) << kAlignBits;
                    dist += rc.reverse_tree(align, kAlignBits);
                }
                rep0 = dist;
            }
            // The end marker (distance 0xFFFFFFFF) before all bytes are out means a short stream.
            if (rep0 == 0xFFFFFFFFu) return false;
        }
        len += kMatchMinLen;
        if (rc.bad() || rep0 >= pos) return false;
        // A match running past the bytes asked for is cut there: the first out_size bytes are done.
        if (len > out_size - pos) len = static_cast<unsigned>(out_size - pos);
        for (unsigned i = 0; i < len; ++i, ++pos) out[pos] = out[pos - rep0 - 1];
    }
    return !rc.bad();
}

}  // namespace crb
