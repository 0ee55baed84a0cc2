//! Vocabulary for generated minutes: the registries written to `minutebook.yaml` and the phrase
//! fragments that sentences are assembled from. Fragments are taken from (or closely modelled on)
//! a real ministry's 主管會議 minutes, so character bigrams resemble real records.
//!
//! Templates use `{KEY}` slots expanded by the generator:
//! `{D}` 民國 date (113年8月21日), `{MD}` month-day (8月21日), `{Y}` 民國 year, `{NY}` next year,
//! `{N}` count, `{n}` count below ten, `{M}` month, `{NB}` large count with separators (3,215), `{P}` percentage (85.75%),
//! `{U}` a unit in passing (short form when it has one), `{S}` a subject (本部, 本司, 數產署 …),
//! `{O}` an outside body, `{T}` a topic keyword, `{X}` a project name in 「」, `{MTG}` a meeting
//! kind, `{DOC}` a document kind, `{L}` a Latin term, `{TW}` 臺灣 or 台灣, `{C}` a city,
//! `{R}` a result clause, `{K}` a unit of count (件, 場次 …).

pub struct Unit {
    pub name: &'static str,
    pub slug: &'static str,
    pub alias: Option<&'static str>,
    pub en: &'static str,
    /// Title of the head (司長, 處長 …), used for attendees.
    pub head: &'static str,
    /// Slugs of the topics this unit usually reports on.
    pub affinity: &'static [&'static str],
}

pub const UNITS: &[Unit] = &[
    Unit {
        name: "數位策略司",
        slug: "strategy",
        alias: Some("策略司"),
        en: "Department of Digital Strategy",
        head: "司長",
        affinity: &[
            "ai",
            "digital-economy",
            "budget",
            "international-cooperation",
            "net-zero",
        ],
    },
    Unit {
        name: "韌性建設司",
        slug: "resilience",
        alias: Some("韌性司"),
        en: "Department of Communications and Cyber Resilience",
        head: "司長",
        affinity: &[
            "satellite",
            "universal-service",
            "5g",
            "submarine-cable",
            "digital-resilience",
            "drones",
        ],
    },
    Unit {
        name: "資源管理司",
        slug: "resources",
        alias: Some("資源司"),
        en: "Department of Resource Management",
        head: "司長",
        affinity: &["spectrum", "internet-governance", "drones", "satellite", "anti-fraud"],
    },
    Unit {
        name: "數位政府司",
        slug: "government",
        alias: Some("數政司"),
        en: "Department of Digital Service",
        head: "司長",
        affinity: &["ai", "e-government", "cloud", "data-governance"],
    },
    Unit {
        name: "民主網絡司",
        slug: "democracy",
        alias: Some("民主司"),
        en: "Department of Democracy Network",
        head: "司長",
        affinity: &[
            "digital-wallet",
            "public-code",
            "international-cooperation",
            "information-month",
            "digital-inclusion",
        ],
    },
    Unit {
        name: "多元創新司",
        slug: "innovation",
        alias: Some("多元司"),
        en: "Department of Plural Innovation",
        head: "司長",
        affinity: &["open-data", "mydata", "pets", "data-governance"],
    },
    Unit {
        name: "秘書處",
        slug: "secretariat",
        alias: None,
        en: "Secretariat",
        head: "處長",
        affinity: &["procurement", "budget", "information-month"],
    },
    Unit {
        name: "人事處",
        slug: "personnel",
        alias: None,
        en: "Department of Personnel",
        head: "處長",
        affinity: &["digital-talent", "personnel-affairs"],
    },
    Unit {
        name: "政風處",
        slug: "ethics",
        alias: None,
        en: "Department of Civil Service Ethics",
        head: "處長",
        affinity: &["procurement", "legislation"],
    },
    Unit {
        name: "主計處",
        slug: "accounting",
        alias: None,
        en: "Department of Budget, Accounting and Statistics",
        head: "處長",
        affinity: &["budget"],
    },
    Unit {
        name: "資訊處",
        slug: "it",
        alias: None,
        en: "Department of Information Management",
        head: "處長",
        affinity: &["cloud", "cybersecurity", "zero-trust"],
    },
    Unit {
        name: "法制處",
        slug: "legal",
        alias: None,
        en: "Department of Legal Affairs",
        head: "處長",
        affinity: &["legislation", "anti-fraud", "cybersecurity"],
    },
    Unit {
        name: "數位產業署",
        slug: "adi",
        alias: Some("數產署"),
        en: "Administration for Digital Industries",
        head: "署長",
        affinity: &[
            "ai",
            "5g",
            "digital-transformation",
            "digital-economy",
            "digital-talent",
            "international-cooperation",
        ],
    },
    Unit {
        name: "資通安全署",
        slug: "acs",
        alias: Some("資安署"),
        en: "Administration for Cyber Security",
        head: "署長",
        affinity: &["cybersecurity", "zero-trust", "security-testing", "legislation"],
    },
    Unit {
        name: "國家資通安全研究院",
        slug: "nics",
        alias: Some("資安院"),
        en: "National Institute of Cyber Security",
        head: "院長",
        affinity: &["cybersecurity", "zero-trust", "digital-talent", "security-testing"],
    },
];

pub struct Topic {
    pub name: &'static str,
    pub slug: &'static str,
    pub aliases: &'static [&'static str],
    /// Keywords used in running text.
    pub kws: &'static [&'static str],
    /// Project, plan and document names (without 「」).
    pub projects: &'static [&'static str],
}

pub const TOPICS: &[Topic] = &[
    Topic {
        name: "人工智慧",
        slug: "ai",
        aliases: &["AI"],
        kws: &["人工智慧", "AI 應用", "生成式 AI", "可信賴 AI", "AI 評測", "主權 AI"],
        projects: &[
            "人工智慧基本法",
            "政府部門 AI 運用指引",
            "AI 產品與系統評測中心",
            "加強投資 AI 新創實施方案",
            "人工智慧風險分級框架",
            "產業 AI 化推動計畫",
        ],
    },
    Topic {
        name: "資通安全",
        slug: "cybersecurity",
        aliases: &["資安"],
        kws: &["資通安全", "資安防護", "資安聯防", "資安事件通報", "資安情資分享"],
        projects: &[
            "資通安全管理法",
            "資通安全責任等級分級辦法",
            "國家資通安全發展方案",
            "政府機關資安聯防監控計畫",
            "關鍵基礎設施資安防護補助作業要點",
        ],
    },
    Topic {
        name: "數位皮夾",
        slug: "digital-wallet",
        aliases: &["數位憑證皮夾"],
        kws: &["數位皮夾", "分散式身分驗證", "數位憑證"],
        projects: &[
            "分散式驗證及授權系統(數位皮夾)建置案",
            "分散式驗證及授權系統(數位皮夾)服務設計案",
            "數位皮夾沙盒試辦計畫",
        ],
    },
    Topic {
        name: "零信任",
        slug: "zero-trust",
        aliases: &["零信任架構"],
        kws: &["零信任", "身分鑑別", "設備鑑別", "信任推斷"],
        projects: &[
            "零信任網路身分鑑別、設備鑑別及信任推斷導入推動",
            "政府機關零信任網路部署計畫",
            "零信任功能符合性驗證",
        ],
    },
    Topic {
        name: "開放資料",
        slug: "open-data",
        aliases: &["政府資料開放"],
        kws: &["開放資料", "政府資料開放平臺", "資料集", "高價值資料"],
        projects: &["政府資料開放平臺", "政府資料開放進階行動方案", "高價值資料集盤點作業"],
    },
    Topic {
        name: "5G",
        slug: "5g",
        aliases: &["第五代行動通訊"],
        kws: &["5G", "5G 專網", "行動寬頻", "5G 基地臺"],
        projects: &[
            "行動寬頻專用電信網路審查會議",
            "5G 專頻專網推動計畫",
            "5G 垂直應用場域補助計畫",
        ],
    },
    Topic {
        name: "衛星通訊",
        slug: "satellite",
        aliases: &["低軌衛星"],
        kws: &["衛星通訊", "低軌衛星", "中軌衛星", "非同步軌道衛星", "衛星終端設備"],
        projects: &[
            "應變或戰時應用新興通訊科技強化通訊網路數位韌性",
            "低軌衛星通訊應用推動計畫",
            "衛星固定通信網路設備接取",
        ],
    },
    Topic {
        name: "數位韌性",
        slug: "digital-resilience",
        aliases: &["網路韌性"],
        kws: &["數位韌性", "網路韌性", "異地備份", "應變網路行動車"],
        projects: &[
            "行政部門關鍵民生系統精進雲端備份及回復計畫",
            "強化偏鄉地區行動寬頻網路數位韌性與近用之基礎設施建置計畫",
            "防救災行動通信平臺建置",
        ],
    },
    Topic {
        name: "預算",
        slug: "budget",
        aliases: &["預算執行"],
        kws: &["預算執行", "單位預算", "特別預算", "預算分配數", "前瞻計畫"],
        projects: &[
            "前瞻基礎建設計畫",
            "年度單位預算",
            "前瞻第4期特別預算",
            "個案計畫管制考核作業",
        ],
    },
    Topic {
        name: "法制作業",
        slug: "legislation",
        aliases: &["法規"],
        kws: &["法制作業", "法規命令", "行政規則", "修正草案", "立法計畫"],
        projects: &[
            "電子簽章法施行細則",
            "數位發展部法規命令法制作業流程",
            "詐欺犯罪危害防制條例",
            "外國憑證機構許可辦法",
            "電信管理法",
        ],
    },
    Topic {
        name: "國際合作",
        slug: "international-cooperation",
        aliases: &["國際交流"],
        kws: &["國際合作", "APEC", "國際交流", "雙邊合作", "新南向政策"],
        projects: &[
            "亞太經濟合作會議(APEC)數位暨經濟指導小組會議",
            "全球數位人權大會(RightsCon)",
            "自由線上聯盟(FOC)合作計畫",
            "臺泰產業鏈結高峰論壇",
        ],
    },
    Topic {
        name: "個人化資料自主運用",
        slug: "mydata",
        aliases: &["MyData"],
        kws: &["MyData", "個人化資料自主運用", "線上申辦服務"],
        projects: &[
            "MyData 平臺",
            "個人化資料自主運用(MyData)推動計畫",
            "有條件式線上申換護照",
        ],
    },
    Topic {
        name: "普及服務",
        slug: "universal-service",
        aliases: &["普及服務基金"],
        kws: &["普及服務", "偏遠地區", "固定寬頻網路", "偏鄉寬頻"],
        projects: &[
            "電信事業普及服務管理辦法",
            "普及偏鄉寬頻接取環境計畫",
            "電信事業普及服務基金管理委員會設置作業要點",
        ],
    },
    Topic {
        name: "數位人才",
        slug: "digital-talent",
        aliases: &["人才培育"],
        kws: &["數位人才", "人才培育", "資安人才", "產業人培"],
        projects: &["數位人才培育計畫", "資安人才培育推動方案", "NICS 台灣資安計畫"],
    },
    Topic {
        name: "公共程式",
        slug: "public-code",
        aliases: &["開源軟體"],
        kws: &["公共程式", "開源軟體", "公民科技"],
        projects: &[
            "公共程式指引",
            "政府資訊服務建置知識整合網及公共程式平臺建置案",
            "公民科技試驗場域研析規劃及推廣案",
        ],
    },
    Topic {
        name: "打詐",
        slug: "anti-fraud",
        aliases: &["防詐"],
        kws: &["打詐", "防詐", "詐騙廣告", "打詐查詢專網"],
        projects: &["打詐綱領", "數位經濟防詐措施", "DNS RPZ 限制接取機制"],
    },
    Topic {
        name: "無人機",
        slug: "drones",
        aliases: &["無人載具"],
        kws: &["無人機", "無人載具", "無人機資安檢測"],
        projects: &["無人載具科技創新實驗條例", "遙控無人機管理規則", "無人機資安檢測規範"],
    },
    Topic {
        name: "頻譜管理",
        slug: "spectrum",
        aliases: &["頻率"],
        kws: &["頻譜管理", "無線電頻率", "頻段", "頻率使用費"],
        projects: &[
            "無線電頻率供應計畫",
            "車聯網頻率之特定實驗場域及限制",
            "無線電頻率使用費收費標準",
        ],
    },
    Topic {
        name: "網路治理",
        slug: "internet-governance",
        aliases: &["網際網路治理"],
        kws: &["網路治理", "網域名稱", "TWNIC", "網路社群"],
        projects: &["APrIGF 2024", "TWIGF 2024", "臺灣網路治理論壇"],
    },
    Topic {
        name: "數位轉型",
        slug: "digital-transformation",
        aliases: &["中小企業數位轉型"],
        kws: &["數位轉型", "中小企業數位轉型", "雲市集", "雙軸轉型"],
        projects: &["臺灣雲市集", "中小企業數位轉型推動計畫", "產業數位轉型補助計畫"],
    },
    Topic {
        name: "雲端服務",
        slug: "cloud",
        aliases: &["公有雲"],
        kws: &["雲端服務", "公有雲", "雲原生", "雲端備份"],
        projects: &["EIP 系統雲原生轉換", "政府雲端服務共享平臺", "跨境公有雲加密與分持備份"],
    },
    Topic {
        name: "隱私強化技術",
        slug: "pets",
        aliases: &["PETs"],
        kws: &["隱私強化技術", "去識別化", "差分隱私"],
        projects: &["隱私強化技術應用指引", "隱私強化技術沙盒", "AI-Ready Data 推動計畫"],
    },
    Topic {
        name: "資料治理",
        slug: "data-governance",
        aliases: &["資料標準"],
        kws: &["資料治理", "資料標準", "跨機關資料交換"],
        projects: &["跨機關資料傳輸服務平臺(T-Road)", "資料治理推動方案", "政府資料標準平臺"],
    },
    Topic {
        name: "數位平權",
        slug: "digital-inclusion",
        aliases: &["數位包容"],
        kws: &["數位平權", "數位包容", "數位機會中心"],
        projects: &["數位平權推動方案", "偏鄉數位應用推動計畫", "數位機會中心營運"],
    },
    Topic {
        name: "資訊月",
        slug: "information-month",
        aliases: &["資訊月展覽"],
        kws: &["資訊月", "數位公共建設願景館", "策展"],
        projects: &["資訊月「數位公共建設願景館」策展規劃案", "總統盃黑客國際松", "點子松"],
    },
    Topic {
        name: "海纜",
        slug: "submarine-cable",
        aliases: &["國際海纜"],
        kws: &["海纜", "國際海纜", "海纜登陸站", "臺馬海纜"],
        projects: &[
            "補助既設國際海纜登陸站提升韌性建設作業要點",
            "臺馬海纜4號建置案",
            "海纜韌性強化計畫",
        ],
    },
    Topic {
        name: "數位經濟",
        slug: "digital-economy",
        aliases: &["數位金卡"],
        kws: &["數位經濟", "數位金卡", "數位服務出口"],
        projects: &["數位經濟發展諮詢委員會", "數位經濟相關產業發展條例", "數位金卡審查作業"],
    },
    Topic {
        name: "數位服務",
        slug: "e-government",
        aliases: &["線上申辦"],
        kws: &["數位服務", "線上申辦", "政府網站", "服務設計"],
        projects: &["政府網站服務管理規範", "數位服務個人化推動計畫", "政府網站營運績效檢核"],
    },
    Topic {
        name: "人事業務",
        slug: "personnel-affairs",
        aliases: &["學習時數"],
        kws: &["學習時數", "公務人員訓練", "員額管理"],
        projects: &[
            "處務規程部分條文修正草案",
            "e 等公務園學習平臺",
            "公務人員終身學習實施要點",
        ],
    },
    Topic {
        name: "採購",
        slug: "procurement",
        aliases: &["政府採購"],
        kws: &["採購", "招標", "決標", "履約管理"],
        projects: &["共同供應契約", "政府電子採購網", "採購案件稽核作業"],
    },
    Topic {
        name: "資安檢測",
        slug: "security-testing",
        aliases: &["資安驗證"],
        kws: &["資安檢測", "弱點掃描", "滲透測試", "實兵演練"],
        projects: &["資安檢測實驗室認證服務計畫", "政府機關實兵演練", "資安健診服務"],
    },
    Topic {
        name: "淨零",
        slug: "net-zero",
        aliases: &["淨零永續"],
        kws: &["淨零", "淨零永續", "雙軸轉型", "綠色資料中心"],
        projects: &["淨零生活與公正轉型", "數位與淨零創新工作坊", "綠色資料中心推動計畫"],
    },
];

pub struct Series {
    pub name: &'static str,
    pub slug: &'static str,
    /// Relative frequency.
    pub weight: usize,
    /// Who chairs it (title part of the chair string).
    pub chair_title: &'static str,
}

pub const SERIES: &[Series] = &[
    Series {
        name: "主管會議",
        slug: "executive",
        weight: 40,
        chair_title: "部長",
    },
    Series {
        name: "部務會議",
        slug: "ministry",
        weight: 20,
        chair_title: "部長",
    },
    Series {
        name: "資安會報",
        slug: "security",
        weight: 12,
        chair_title: "政務次長",
    },
    Series {
        name: "數位發展諮詢會議",
        slug: "advisory",
        weight: 8,
        chair_title: "部長",
    },
    Series {
        name: "業務檢討會議",
        slug: "review",
        weight: 12,
        chair_title: "常務次長",
    },
    Series {
        name: "法規委員會會議",
        slug: "legal-affairs",
        weight: 8,
        chair_title: "常務次長",
    },
];

pub const SURNAMES: &[&str] = &[
    "陳", "林", "黃", "張", "李", "王", "吳", "劉", "蔡", "楊", "許", "鄭", "謝", "郭", "洪", "曾", "邱", "廖", "賴",
    "周", "葉", "莊", "呂", "何", "胡", "牛", "莫", "關", "蕭", "范",
];

pub const GIVEN: &[&str] = &[
    "彥男", "河鳴", "宜敬", "寧", "貝蒂", "正華", "翠娟", "壽淦", "明宗", "信仁", "誠明", "盈志", "明芬", "仲山",
    "永榮", "春杏", "錫東", "智禾", "學文", "全德", "怡芬", "耿瑜", "兆琦", "昭閔", "雅萍", "維斌", "惠珍", "志偉",
    "淑芬", "家豪", "俊傑", "美玲", "建宏", "佩君", "冠廷", "欣怡", "文雄", "秀英", "國華", "麗娟",
];

pub const LOCATIONS: &[&str] = &[
    "本部延平大樓101會議室",
    "本部延平大樓1樓大禮堂",
    "本部寶慶大樓3樓會議室",
    "臺南沙崙辦公區第一會議室",
    "本部延平大樓101會議室（視訊會議併行）",
    "本部延平大樓7樓第二會議室",
];

pub const START_TIMES: &[(u32, u32)] = &[(9, 0), (9, 30), (10, 0), (10, 30), (10, 30), (14, 0), (14, 30)];

pub const OUTSIDE: &[&str] = &[
    "國科會",
    "經濟部",
    "行政院",
    "國發會",
    "交通部",
    "內政部",
    "衛福部",
    "環境部",
    "主計總處",
    "資策會",
    "工研院",
    "財團法人電信技術中心(TTC)",
    "TWNIC",
    "民航局",
    "消防署",
    "外交部",
    "各地方政府",
    "財團法人全國認證基金會(TAF)",
    "人事總處",
    "監察院",
];

pub const SUBJECTS: &[&str] = &["本部", "本部", "本部", "專案團隊", "各司處署"];

pub const MEETINGS: &[&str] = &[
    "研商會議",
    "審查會議",
    "說明會",
    "工作坊",
    "座談會",
    "啟動會議",
    "跨部會會議",
    "公聽會",
    "專家諮詢會議",
    "期中審查會議",
];

pub const DOCS: &[&str] = &[
    "修正草案",
    "作業要點",
    "推動計畫",
    "指引草案",
    "管理辦法",
    "實施方案",
    "草案",
    "執行計畫",
    "公開說明會",
    "規劃報告",
];

pub const LATIN: &[&str] = &[
    "APEC",
    "5G",
    "AI",
    "TWNIC",
    "MyData",
    "TTC",
    "NCC",
    "N-ISAC",
    "C-ISAC",
    "KPI",
    "MOU",
    "EIP",
    "TAIDE",
    "CERT/CSIRT",
    "SEMICON Taiwan",
    "InnoVEX",
];

pub const CITIES: &[&str] = &[
    "臺北", "台北", "臺中", "台中", "高雄", "花蓮", "臺南", "台南", "嘉義", "桃園", "臺東", "新竹",
];

pub const COUNT_UNITS: &[&str] = &["件", "場次", "案", "家", "人次", "處", "項", "筆", "所", "個機關"];

/// Result clauses that end sentences.
pub const RESULTS: &[&str] = &[
    "以利計畫執行之銜接",
    "以提升預算執行績效",
    "後續將持續蒐集回饋意見，優化相關服務",
    "將依規劃時程推動各項專案",
    "俾擴增相關檢測能量",
    "加速我國相關產業蓬勃發展",
    "提升不同年齡民眾對本部數位公共建設體認",
    "深化與國際夥伴之關係與連結",
    "促進對外交流與資訊共享",
    "確保各項作業依限完成",
    "強化平時應變與雲端備份能量",
    "有助我國 AI 產業生態發展",
    "提升通訊傳播領域業者資安防護知能",
    "以符實務運作需要",
    "並持續滾動檢討辦理情形",
    "打造{TW}成為智慧國家",
];

/// Sentence templates for list items and paragraphs.
pub const SENTENCES: &[&str] = &[
    "{S}於{D}召開「{X}」{MTG}，邀集{O}及相關司署與會，就{T}推動方向交換意見。",
    "{S}已於{D}完成{X}{DOC}，並函請{O}於{MD}前提供意見，{R}。",
    "截至{D}止，累計受理{N}件申請案，審查通過{N}件，審查中{N}件，改分其他領域及退件{N}件。",
    "為推動{T}，{S}規劃辦理{X}，預計於{Y}年年底前提出草案，{R}。",
    "{O}於{D}來函提供{X}議題架構，{S}業通知{U}就所提架構預擬說明及派員出席。",
    "本案業於{MD}完成國際資料蒐集與彙整、擬定指引架構並提出草稿，{R}。",
    "{S}於{D}邀請具{T}經驗之機關人員召開第{n}場審查會議，委員建議內容簡化並提供具體運用及操作說明。",
    "自{Y}年1月1日迄{D}，資安監控分析通報平臺分享情資共計{NB}筆，分享至 N-ISAC 情資共計{NB}筆。",
    "{U}與{O}於本年{MD}共同辦理「{X}」，計有{N}家廠商及{NB}人次參與，{R}。",
    "經簽奉部長核可，實體會議由{U}、{U}及{U}出席，其他協辦司署參加線上會議。",
    "依「{X}」規定，機關應執行安全性檢測作業，包括弱點掃描與滲透測試，{R}。",
    "{S}督導{O}持續辦理{T}相關作業，迄{D}止，共完成{N}{K}，{R}。",
    "預計有來自{N}國{NB}名實體參加者和{NB}名視訊參加者參與{L}相關活動。",
    "{S}配合{O}需求，於{C}辦理「{X}」{MTG}，會後獲得{N}篇新聞曝光。",
    "本年度單位預算，執行數占預算分配數為{P}；以前年度單位預算，執行數占預算分配數為{P}。",
    "前揭方案業於{D}經{O}會議討論並決議通過，將匡列新{TW}幣{N}億元額度，{R}。",
    "{S}持續徵詢民間實驗室加入聯合實驗室意願，迄{D}止，聯合實驗室共有{N}家實驗室。",
    "{U}於{D}預告「{X}」{DOC}，並於{MD}召開修法說明會，蒐整各界意見。",
    "{S}刻正辦理{X}後續採購作業，俟採購作業完成，將開始進行{T}架構部署。",
    "有關{T}議題之分工，經本部{MD}五長會議決議，請{U}先負責推動，{U}協助辦理。",
    "本月蒐整政府機關資安聯防情資共{NB}件（較上月增加{NB}件），第1名為資訊蒐集類（{P}）。",
    "本月資安事件通報數量共{N}件，較去年同期增加{P}，主要係本月實兵演練攻擊成功案件較多。",
    "{S}於{D}與{O}簽訂補助契約，計畫刻正持續執行中，將按原規劃於{Y}年底前完成{NB}個{T}相關設備建置。",
    "核定補助建置{N}臺5G 基地臺（優於原訂 KPI 之{N}臺），預計{M}月份陸續完工。",
    "{O}依「{X}」規定，規劃召開跨部會會議，{S}建議以「政府」取代特定機關名稱，以強調政府整體之責任。",
    "為優化{X}查詢服務，已於{MD}起介接 TAIDE，提供 Beta 版供民眾查詢使用，{R}。",
    "{C}市政府於{D}上線{N}項線上申辦服務，其中{N}項線上服務可透過 MyData 平臺取得個人化資料。",
    "本案完成後將推進本部{T}第一步，並補齊異地備份機制。",
    "{S}已於{D}簽准成立{T}補助申請案審查小組，預定於{MD}完成初審作業。",
    "{TW}資安產業能量持續成長，{S}邀請{N}家業者共同展示，並聚焦{T}、後量子資安及工控資安三大國際趨勢議題。",
    "{L} 秘書處於{D}以電郵回覆 TWNIC，同意由我國主辦相關會議，並於{MD}正式對外公告。",
    "{S}於{MD}赴{O}說明{X}辦理情形，並就{T}與{L}相關議題交換意見，{R}。",
    "經進一步綜整分析，{S}發現近期駭客以社交工程電子郵件攻擊政府機關，相關情資已提供各機關聯防監控防護建議。",
    "{U}業於{D}完成{X}之盤點，盤點結果{N}項，嗣經召開{n}次研商會議，決議參考相關部會所頒法令規則辦理。",
    "為強化{T}，{S}已完成{n}場次教育訓練，參訓人數共計{NB}人次，滿意度達{P}。",
    "配合{O}推動{X}，{S}提供{T}相關意見，惟{O}未採納，{S}將持續溝通。",
    "「{X}」已報行政院，並於{D}經行政院院會審查通過，函請立法院審議。",
    "{S}依{O}{D}決議，請{U}彙整司署文稿資料，於{MD}簽奉主秘核可後回復。",
];

/// Short follow-up sentences, for nested `(1)` items.
pub const SHORT: &[&str] = &[
    "{T}：{S}已於{D}完成初步規劃，{R}。",
    "緣由說明：為促進{T}發展，{S}研議修正「{X}」，進一步促進相關產業創新。",
    "辦理情形：{S}於{D}召開{MTG}，初步確立範圍劃定格式。",
    "後續辦理：研提{DOC}並辦理預告及後續公告事宜。",
    "公共建設類：{N}件；社會發展類：{N}件；科技發展類：{N}件。",
    "核定補助建置或優化既設防救災行動通信平臺{N}處（優於原訂 KPI 之{N}處）。",
    "{U}建議改列於本子題項下，以符運作。",
    "內容簡化與名詞解釋：減少版面上的文字量，並提供具體運用及操作說明。",
    "圖表與目錄改善：增加圖表、流程圖及目錄的呈現，使內容更加視覺化。",
    "持續擴增{T}能量：{S}協調{O}，俾擴增檢測能量。",
    "事前聯防監控：本月蒐整情資共{NB}件，較上月增加{N}件。",
    "事中通報應變：本月通報數量共{N}件，占本月通報件數{P}。",
    "事後資訊分享：{S}建議各項修補與改善作業，宜事前擬定測試計畫及緊急應變作為。",
    "第一階段（導入前置作業）：{Y}年{MD}前完成。",
    "預告「{X}」{DOC}，預告期間{N}日。",
    "修正「{X}」第{n}點、第{n}點。",
    "協助{U}辦理{T}相關政策與分工協調。",
    "整體績效：截至{D}，累計審查通過{N}案，其中已發照計{N}案。",
    "{T}：{S}於{D}完成「{X}」{DOC}，{R}。",
    "{X}：已於{D}召開{MTG}，會中就{T}之推動方向達成共識。",
    "{U}協助辦理「{X}」相關作業，迄{D}止已完成{N}{K}。",
    "{T}部分：{S}持續督導{O}辦理，{R}。",
    "{S}業於{MD}函請{O}提供{T}相關資料，刻正彙整分析中。",
    "「{X}」第{n}次{MTG}預定於{MD}召開，{R}。",
];

/// Subsection titles.
pub const SUBTITLES: &[&str] = &[
    "{X}推動情形",
    "{T}辦理進度",
    "{X}",
    "{T}推動情形",
    "{O}「{X}」{MTG}",
    "{Y}年{T}重要會議與活動",
    "研修「{X}」",
    "{X}辦理情形",
    "{T}相關計畫執行情形",
];

/// Decision points after 一、洽悉。
pub const DECISIONS: &[&str] = &[
    "本次建議解除追蹤（{N}件）均同意解除列管，其餘案件亦請持續追蹤，請各主辦單位務必協力合作、依限達成。",
    "{U}進行{T}相關政策與法制研究，各司署如有研析需求，可洽{U}尋求協助，並請適度公開研析內容，{R}。",
    "{NY}年度預算案之相關計畫及招標案件，請各司處署依主計處建議妥為衡量預計需辦理之時程，提早規劃並預留彈性空間辦理相關前置作業。",
    "請{U}會同{U}就{T}研提具體推動策略，並於下次會議報告辦理進度。",
    "{X}涉及跨司署分工，請{U}主政，{U}協辦，{R}。",
    "請各單位依規劃積極辦理，{R}。",
    "有關{T}之對外說明，請{U}統一口徑，並適時發布新聞稿說明本部推動成果。",
    "請{U}持續關注{L}相關國際趨勢，適時調整{T}推動方向。",
    "今年請加強活動宣傳並增加互動體驗，並且搭配{U}設計的展館，讓更多人能看到本部業務推動成果。",
];

/// Agenda item titles (without the trailing 案).
pub const AGENDA: &[&str] = &[
    "本部重要會議指（裁）示事項追蹤列管辦理情形",
    "近期國際{T}政策法制觀測說明",
    "「{X}」推動規劃",
    "{Y}年度{T}執行成果",
    "{NY}年度{T}相關計畫規劃",
    "「{X}」{DOC}",
    "{T}跨司署分工調整",
];

/// Instructions from the chair (長官提示事項).
pub const REMARKS: &[&str] = &[
    "{M}月{SN}將於{C}辦公區召開，時間待確認後再通知大家。",
    "請各單位持續關注{T}相關議題，並預為因應。",
    "近期{T}相關輿情較多，請各單位對外說明前先行協調，統一口徑。",
    "並預祝各位同仁佳節愉快。",
    "請各單位主管鼓勵同仁及早於年底前完成規定之學習時數。",
    "{L} 相關會議將於近期舉行，請{U}預為準備。",
];

/// Extempore motions (臨時動議) titles.
pub const MOTIONS: &[&str] = &[
    "{Y}年資訊月「數位公共建設願景館」策展規劃",
    "「{X}」對外說明",
    "{T}跨機關協調",
    "{C}辦公區空間配置調整",
];

/// Items of the 資訊處 issue table's Top1 cell.
pub const IT_ISSUES: &[&str] = &[
    "使用者操作/電腦(NB)設定或異常等相關問題最多",
    "網路連線異常相關問題最多",
    "印表機及周邊設備相關問題最多",
    "帳號權限申請相關問題最多",
];
