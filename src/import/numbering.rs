//! Automatic numbering, as Word (numbering.xml) and ODF (list styles) describe it: the number
//! formats official minutes use (壹、 一、 （一） 1. (1) 甲、 ①) and the per-level counters of a list.
//! The importers turn a numbered paragraph back into the text a reader sees (`一、報告事項`), so that
//! the rest of the import reads the official numbering as it reads typed numbers.

/// How one level of a list writes its number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumFormat {
    /// 1, 2, 3
    Decimal,
    /// 01, 02, … 10
    DecimalZero,
    /// １, ２, ３ (full-width digits)
    DecimalFullWidth,
    /// ①, ②, ③ … ⑳, then decimal
    DecimalEnclosedCircle,
    /// 一, 二, … 十, 十一, 二十, 一百 (Word's taiwaneseCountingThousand, chineseCounting…)
    ChineseCounting,
    /// 壹, 貳, 參 … 拾, 拾壹, 貳拾 (Word's ideographLegalTraditional)
    ChineseLegal,
    /// 一〇, 一一: digit by digit (Word's taiwaneseDigital, ideographDigital)
    ChineseDigital,
    /// 甲, 乙, 丙 … 癸 (the ten heavenly stems), then decimal
    HeavenlyStems,
    /// 子, 丑, 寅 … 亥 (the twelve earthly branches), then decimal
    EarthlyBranches,
    LowerLetter,
    UpperLetter,
    LowerRoman,
    UpperRoman,
    /// A bullet or no number: the level's text is written as it is.
    None,
}

impl NumFormat {
    /// Word's `w:numFmt` value (ECMA-376 ST_NumberFormat).
    pub fn from_word(value: &str) -> NumFormat {
        match value {
            "decimal" | "ordinal" | "cardinalText" | "ordinalText" | "decimalHalfWidth" => NumFormat::Decimal,
            "decimalZero" => NumFormat::DecimalZero,
            "decimalFullWidth" | "decimalFullWidth2" => NumFormat::DecimalFullWidth,
            "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" => NumFormat::DecimalEnclosedCircle,
            "taiwaneseCounting"
            | "taiwaneseCountingThousand"
            | "chineseCounting"
            | "chineseCountingThousand"
            | "ideographTraditional_counting"
            | "japaneseCounting" => NumFormat::ChineseCounting,
            "ideographLegalTraditional" | "chineseLegalSimplified" | "japaneseLegal" => NumFormat::ChineseLegal,
            "taiwaneseDigital" | "ideographDigital" | "japaneseDigitalTenThousand" => NumFormat::ChineseDigital,
            "ideographTraditional" => NumFormat::HeavenlyStems,
            "ideographZodiac" | "ideographZodiacTraditional" => NumFormat::EarthlyBranches,
            "lowerLetter" => NumFormat::LowerLetter,
            "upperLetter" => NumFormat::UpperLetter,
            "lowerRoman" => NumFormat::LowerRoman,
            "upperRoman" => NumFormat::UpperRoman,
            _ => NumFormat::None,
        }
    }

    /// ODF's `style:num-format` value (a sample of the sequence, as LibreOffice writes it).
    pub fn from_odf(value: &str) -> NumFormat {
        let first = value.split([',', '，']).next().unwrap_or("").trim();
        match first {
            "1" => NumFormat::Decimal,
            "01" => NumFormat::DecimalZero,
            "１" => NumFormat::DecimalFullWidth,
            "①" => NumFormat::DecimalEnclosedCircle,
            "一" => NumFormat::ChineseCounting,
            "壹" => NumFormat::ChineseLegal,
            "〇" | "○" => NumFormat::ChineseDigital,
            "甲" => NumFormat::HeavenlyStems,
            "子" => NumFormat::EarthlyBranches,
            "a" => NumFormat::LowerLetter,
            "A" => NumFormat::UpperLetter,
            "i" => NumFormat::LowerRoman,
            "I" => NumFormat::UpperRoman,
            _ => NumFormat::None,
        }
    }

    /// `n` (1-based) written in this format.
    pub fn format(self, n: u32) -> String {
        match self {
            NumFormat::Decimal => n.to_string(),
            NumFormat::DecimalZero => format!("{n:02}"),
            NumFormat::DecimalFullWidth => n
                .to_string()
                .chars()
                .map(|d| char::from_u32('０' as u32 + d.to_digit(10).unwrap_or(0)).unwrap_or(d))
                .collect(),
            NumFormat::DecimalEnclosedCircle => match n {
                1..=20 => char::from_u32('①' as u32 + n - 1).map(String::from).unwrap_or_default(),
                _ => n.to_string(),
            },
            NumFormat::ChineseCounting => chinese(n, &COUNTING),
            NumFormat::ChineseLegal => chinese(n, &LEGAL),
            NumFormat::ChineseDigital => n
                .to_string()
                .chars()
                .map(|d| {
                    ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'][d.to_digit(10).unwrap_or(0) as usize]
                })
                .collect(),
            NumFormat::HeavenlyStems => cyclic(n, "甲乙丙丁戊己庚辛壬癸"),
            NumFormat::EarthlyBranches => cyclic(n, "子丑寅卯辰巳午未申酉戌亥"),
            NumFormat::LowerLetter => letters(n).to_ascii_lowercase(),
            NumFormat::UpperLetter => letters(n),
            NumFormat::LowerRoman => roman(n).to_ascii_lowercase(),
            NumFormat::UpperRoman => roman(n),
            NumFormat::None => String::new(),
        }
    }
}

struct Numerals {
    digits: [char; 10],
    ten: char,
    hundred: char,
    thousand: char,
}

const COUNTING: Numerals = Numerals {
    digits: ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'],
    ten: '十',
    hundred: '百',
    thousand: '千',
};

const LEGAL: Numerals = Numerals {
    digits: ['零', '壹', '貳', '參', '肆', '伍', '陸', '柒', '捌', '玖'],
    ten: '拾',
    hundred: '佰',
    thousand: '仟',
};

/// 1..=9999 in Chinese numerals as minutes write them: 十, 十一, 二十, 一百零五; larger numbers decimal.
fn chinese(n: u32, s: &Numerals) -> String {
    if n == 0 || n > 9999 {
        return n.to_string();
    }
    let places = [(1000, s.thousand), (100, s.hundred), (10, s.ten), (1, ' ')];
    let mut out = String::new();
    let mut zero = false;
    for (value, unit) in places {
        let d = (n / value) % 10;
        if d == 0 {
            zero = !out.is_empty();
            continue;
        }
        if zero {
            out.push(s.digits[0]);
            zero = false;
        }
        // 10–19 read 十, 十一 … (not 一十); the legal form keeps the same habit (拾壹).
        if !(value == 10 && d == 1 && out.is_empty()) {
            out.push(s.digits[d as usize]);
        }
        if unit != ' ' {
            out.push(unit);
        }
    }
    out
}

fn cyclic(n: u32, set: &str) -> String {
    let chars: Vec<char> = set.chars().collect();
    match n {
        1.. if (n as usize) <= chars.len() => chars[n as usize - 1].to_string(),
        _ => n.to_string(),
    }
}

fn letters(mut n: u32) -> String {
    let mut out = Vec::new();
    while n > 0 {
        n -= 1;
        out.push((b'A' + (n % 26) as u8) as char);
        n /= 26;
    }
    out.iter().rev().collect()
}

fn roman(mut n: u32) -> String {
    if n == 0 || n >= 4000 {
        return n.to_string();
    }
    let table = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (v, s) in table {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    out
}

/// One level of a list definition: its format, the text around the numbers and where it starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Level {
    pub format: NumFormat,
    /// Word's `w:lvlText`: `%1、`, `（%2）`, `%1.%2.`; each `%k` is level k's number (1-based).
    pub text: String,
    pub start: u32,
}

impl Default for Level {
    fn default() -> Self {
        Level {
            format: NumFormat::None,
            text: String::new(),
            start: 1,
        }
    }
}

/// The running counters of one list: numbering a paragraph at a level steps that level and
/// restarts every deeper one.
#[derive(Debug, Default, Clone)]
pub struct Counters {
    values: Vec<Option<u32>>,
}

impl Counters {
    /// Restart `level` (0-based) and every deeper one: the next number there is its start value.
    pub fn reset(&mut self, level: usize) {
        self.values.truncate(level);
    }

    /// Whether `level` (0-based) has a number in the running count.
    pub fn has(&self, level: usize) -> bool {
        self.values.get(level).is_some_and(Option::is_some)
    }

    /// The label of the next paragraph at `level` (0-based) of `levels`, e.g. `一、` or `（二）`.
    pub fn next(&mut self, levels: &[Level], level: usize) -> String {
        if self.values.len() <= level {
            self.values.resize(level + 1, None);
        }
        let start = levels.get(level).map(|l| l.start).unwrap_or(1);
        let v = match self.values[level] {
            Some(v) => v + 1,
            None => start,
        };
        self.values[level] = Some(v);
        self.values.truncate(level + 1);
        let Some(def) = levels.get(level) else {
            return String::new();
        };
        let mut out = String::new();
        let mut chars = def.text.chars().peekable();
        while let Some(c) = chars.next() {
            match (c, chars.peek().and_then(|d| d.to_digit(10))) {
                ('%', Some(k)) if k >= 1 => {
                    chars.next();
                    let k = k as usize - 1;
                    let value = self
                        .values
                        .get(k)
                        .copied()
                        .flatten()
                        .unwrap_or_else(|| levels.get(k).map(|l| l.start).unwrap_or(1));
                    let format = levels.get(k).map(|l| l.format).unwrap_or(NumFormat::Decimal);
                    out.push_str(&format.format(value));
                }
                _ => out.push(c),
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_numerals_as_minutes_write_them() {
        let f = NumFormat::ChineseCounting;
        let got: Vec<String> = [1, 9, 10, 11, 19, 20, 21, 100, 105, 110, 1001]
            .iter()
            .map(|&n| f.format(n))
            .collect();
        assert_eq!(
            got,
            [
                "一",
                "九",
                "十",
                "十一",
                "十九",
                "二十",
                "二十一",
                "一百",
                "一百零五",
                "一百一十",
                "一千零一"
            ]
        );
        let l = NumFormat::ChineseLegal;
        let got: Vec<String> = [1, 3, 10, 11, 20].iter().map(|&n| l.format(n)).collect();
        assert_eq!(got, ["壹", "參", "拾", "拾壹", "貳拾"]);
        assert_eq!(NumFormat::HeavenlyStems.format(4), "丁");
        assert_eq!(NumFormat::DecimalEnclosedCircle.format(3), "③");
        assert_eq!(NumFormat::DecimalFullWidth.format(12), "１２");
        assert_eq!(NumFormat::UpperRoman.format(14), "XIV");
        assert_eq!(NumFormat::LowerLetter.format(28), "ab");
        assert_eq!(NumFormat::ChineseDigital.format(10), "一〇");
    }

    #[test]
    fn counters_step_and_restart_deeper_levels() {
        let levels = vec![
            Level {
                format: NumFormat::ChineseLegal,
                text: "%1、".into(),
                start: 1,
            },
            Level {
                format: NumFormat::ChineseCounting,
                text: "%2、".into(),
                start: 1,
            },
            Level {
                format: NumFormat::ChineseCounting,
                text: "（%3）".into(),
                start: 1,
            },
        ];
        let mut c = Counters::default();
        let got: Vec<String> = [0, 1, 1, 2, 1, 0, 1].iter().map(|&l| c.next(&levels, l)).collect();
        assert_eq!(got, ["壹、", "一、", "二、", "（一）", "三、", "貳、", "一、"]);
    }

    #[test]
    fn odf_and_word_names() {
        assert_eq!(NumFormat::from_odf("一, 二, 三, ..."), NumFormat::ChineseCounting);
        assert_eq!(NumFormat::from_odf("壹, 貳, 參, ..."), NumFormat::ChineseLegal);
        assert_eq!(NumFormat::from_odf("1"), NumFormat::Decimal);
        assert_eq!(
            NumFormat::from_word("taiwaneseCountingThousand"),
            NumFormat::ChineseCounting
        );
        assert_eq!(
            NumFormat::from_word("ideographLegalTraditional"),
            NumFormat::ChineseLegal
        );
        assert_eq!(NumFormat::from_word("bullet"), NumFormat::None);
    }
}
