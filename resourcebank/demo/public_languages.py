"""The demo in the languages added for the public (the Oslo plan: information about SV
and how to join, for the largest immigrant groups in Oslo).

For each language, the translations of the Bokmål home page and of the information page
"Om SV og innmelding", keyed by the Bokmål text: the msgids of the PO files that
wagtail-localize exports, which the demo fills in and imports as an outside translator
would. Written for the demo.
"""

HOME = "home"
ABOUT_SV = "om-sv-og-innmelding"

_HOME_NB = [
    "Ressursbanken",
    "Ressursbanken samler det lokallag, fylkeslag, tillitsvalgte og folkevalgte trenger for å "
    "drive godt partiarbeid: kampanjepakker, skoleringsopplegg, håndbøker og erfaringer fra "
    "lag som har fått det til.",
    "Finn det du trenger",
    "Skal laget ditt markere en merkedag, ta imot nye medlemmer eller forberede "
    "budsjettdebatten i kommunestyret? Her finner du ferdige opplegg som kan brukes som de er, "
    "eller tilpasses der dere bor.",
    "Del det som virker",
    "Har laget ditt prøvd noe som fungerte? Send det til redaksjonen, så kan andre lag lære "
    "av dere.",
]
_ABOUT_NB = [
    "Om SV og innmelding",
    "om-sv-og-innmelding",
    "Kort om Sosialistisk Venstreparti, hva vi mener, og hvordan du blir medlem.",
    "Hva er SV?",
    "Sosialistisk Venstreparti (SV) er et parti for rettferdig fordeling, et grønt skifte og "
    "et samfunn for de mange. SV har folkevalgte i kommuner og fylker over hele landet og på "
    "Stortinget.",
    "Hva mener SV?",
    "Vi vil ha mindre forskjeller mellom folk, gode velferdstjenester for alle, handling mot "
    "klimakrisa og like rettigheter uansett hvor du kommer fra.",
    "Bli medlem",
    "Alle som er enige i SVs grunnverdier, kan bli medlem. Du melder deg inn på SVs nettsider "
    "eller i SV-appen. Lokallaget der du bor, tar kontakt og forteller hvordan du kan være "
    "med.",
]

_HOME = {
    "en": [
        "Ressursbanken",
        "Ressursbanken gathers what local branches, county branches, officers and elected "
        "representatives need to do good party work: campaign packs, training, handbooks and "
        "the experience of branches that have succeeded.",
        "Find what you need",
        "Is your branch marking a commemoration day, welcoming new members or preparing the "
        "budget debate in the municipal council? Here you will find ready-made plans that can "
        "be used as they are or adapted to where you live.",
        "Share what works",
        "Has your branch tried something that worked? Send it to the editors, so that other "
        "branches can learn from you.",
    ],
    "pl": [
        "Ressursbanken",
        "Ressursbanken gromadzi to, czego koła lokalne, koła okręgowe, działacze i "
        "przedstawiciele wybierani potrzebują do dobrej pracy partyjnej: pakiety kampanijne, "
        "szkolenia, podręczniki i doświadczenia kół, którym się udało.",
        "Znajdź to, czego potrzebujesz",
        "Czy twoje koło obchodzi ważny dzień, przyjmuje nowych członków albo przygotowuje się "
        "do debaty budżetowej w radzie gminy? Znajdziesz tu gotowe scenariusze, które można "
        "wykorzystać od razu albo dostosować do miejsca, w którym mieszkacie.",
        "Dziel się tym, co działa",
        "Czy twoje koło wypróbowało coś, co się sprawdziło? Wyślij to do redakcji, żeby inne "
        "koła mogły się od was uczyć.",
    ],
    "ur": [
        "Ressursbanken",
        "ریسورس بینک میں وہ سب کچھ جمع ہے جس کی مقامی شاخوں، کاؤنٹی شاخوں، عہدیداروں اور "
        "منتخب نمائندوں کو اچھے پارٹی کام کے لیے ضرورت ہوتی ہے: مہم پیکس، تربیت، رہنما کتابچے "
        "اور کامیاب شاخوں کے تجربات۔",
        "اپنی ضرورت کی چیز تلاش کریں",
        "کیا آپ کی شاخ کوئی یادگاری دن منا رہی ہے، نئے اراکین کا استقبال کر رہی ہے یا بلدیاتی "
        "کونسل میں بجٹ پر بحث کی تیاری کر رہی ہے؟ یہاں آپ کو تیار شدہ منصوبے ملیں گے جنہیں جوں "
        "کا توں استعمال کیا جا سکتا ہے یا اپنے علاقے کے مطابق ڈھالا جا سکتا ہے۔",
        "جو کام کرے، اسے شیئر کریں",
        "کیا آپ کی شاخ نے کوئی ایسا طریقہ آزمایا جو کامیاب رہا؟ اسے ادارتی ٹیم کو بھیجیں تاکہ "
        "دوسری شاخیں آپ سے سیکھ سکیں۔",
    ],
    "so": [
        "Ressursbanken",
        "Ressursbanken waxay isugu keentaa waxa ay u baahan yihiin laamaha deegaanka, laamaha "
        "gobollada, masuuliyiinta iyo wakiillada la doortay si ay u qabtaan shaqo xisbi oo "
        "wanaagsan: xirmooyin olole, tababarro, buugaag hage ah iyo waayo-aragnimada laamaha "
        "ku guuleystay.",
        "Hel waxaad u baahan tahay",
        "Laantaadu ma xusaysaa maalin gaar ah, ma soo dhoweynaysaa xubno cusub, mise waxay u "
        "diyaargaroobaysaa doodda miisaaniyadda ee golaha degmada? Halkan waxaad ka helaysaa "
        "qorshayaal diyaar ah oo loo isticmaali karo sida ay yihiin ama loo waafajin karo "
        "meesha aad ku nooshihiin.",
        "La wadaag waxa shaqeeya",
        "Laantaadu ma isku dayday wax shaqeeyay? U dir tifaftirayaasha, si laamaha kale ay "
        "idinka wax uga bartaan.",
    ],
    "ar": [
        "Ressursbanken",
        "يجمع بنك الموارد ما تحتاجه الفروع المحلية وفروع المقاطعات والمسؤولون والممثلون "
        "المنتخبون للقيام بعمل حزبي جيد: حزم الحملات والتدريب والأدلة وتجارب الفروع التي نجحت.",
        "اعثر على ما تحتاجه",
        "هل يحيي فرعك مناسبة سنوية، أو يستقبل أعضاء جددًا، أو يستعد لنقاش الميزانية في المجلس "
        "البلدي؟ ستجد هنا خططًا جاهزة يمكن استخدامها كما هي أو تكييفها مع المكان الذي تعيشون "
        "فيه.",
        "شارك ما ينجح",
        "هل جرّب فرعك شيئًا نجح؟ أرسله إلى فريق التحرير لكي تتعلم منه الفروع الأخرى.",
    ],
}

_ABOUT = {
    "en": [
        "About SV and how to join",
        "about-sv-and-joining",
        "A short introduction to the Socialist Left Party, what we stand for, and how to "
        "become a member.",
        "What is SV?",
        "The Socialist Left Party (SV) is a party for fair distribution, a green transition "
        "and a society for the many. SV has elected representatives in municipalities and "
        "counties across the country and in the Storting, the Norwegian parliament.",
        "What does SV stand for?",
        "We want smaller differences between people, good welfare services for everyone, "
        "action against the climate crisis and equal rights no matter where you come from.",
        "Become a member",
        "Everyone who shares SV's core values can become a member. You join on SV's website "
        "or in the SV app. The local branch where you live will get in touch and tell you how "
        "you can take part.",
    ],
    "pl": [
        "O SV i o tym, jak wstąpić do partii",
        "o-sv-i-czlonkostwo",
        "Krótko o Socjalistycznej Partii Lewicy: co jest dla nas ważne i jak zostać członkiem.",
        "Czym jest SV?",
        "Socjalistyczna Partia Lewicy (SV) to partia sprawiedliwego podziału, zielonej "
        "transformacji i społeczeństwa dla wielu, a nie dla nielicznych. SV ma wybranych "
        "przedstawicieli w gminach i okręgach w całym kraju oraz w Stortingu, norweskim "
        "parlamencie.",
        "Za czym opowiada się SV?",
        "Chcemy mniejszych nierówności między ludźmi, dobrych usług socjalnych dla wszystkich, "
        "działań przeciwko kryzysowi klimatycznemu i równych praw bez względu na to, skąd "
        "pochodzisz.",
        "Zostań członkiem",
        "Członkiem może zostać każdy, kto podziela podstawowe wartości SV. Możesz zapisać się "
        "na stronie internetowej SV lub w aplikacji SV. Koło lokalne w miejscu twojego "
        "zamieszkania skontaktuje się z tobą i powie, jak możesz się zaangażować.",
    ],
    "ur": [
        "SV کا تعارف اور رکنیت",
        "sv-aur-rukniyat",
        "سوشلسٹ لیفٹ پارٹی کا مختصر تعارف، ہمارا مؤقف، اور رکن بننے کا طریقہ۔",
        "SV کیا ہے؟",
        "سوشلسٹ لیفٹ پارٹی (SV) منصفانہ تقسیم، سبز تبدیلی اور ایسے معاشرے کی جماعت ہے جو چند "
        "لوگوں کے بجائے سب کے لیے ہو۔ SV کے منتخب نمائندے ملک بھر کی بلدیات اور کاؤنٹیوں میں "
        "اور ناروے کی پارلیمان، اسٹورٹنگ، میں موجود ہیں۔",
        "SV کا مؤقف کیا ہے؟",
        "ہم لوگوں کے درمیان کم فرق، سب کے لیے اچھی فلاحی خدمات، موسمیاتی بحران کے خلاف عملی "
        "اقدامات اور سب کے لیے برابر حقوق چاہتے ہیں، چاہے آپ کہیں سے بھی آئے ہوں۔",
        "رکن بنیں",
        "ہر وہ شخص جو SV کی بنیادی اقدار سے متفق ہو، رکن بن سکتا ہے۔ آپ SV کی ویب سائٹ یا SV "
        "ایپ کے ذریعے رکنیت حاصل کر سکتے ہیں۔ آپ کے علاقے کی مقامی شاخ آپ سے رابطہ کرے گی اور "
        "بتائے گی کہ آپ کس طرح حصہ لے سکتے ہیں۔",
    ],
    "so": [
        "Ku saabsan SV iyo sida loogu biiro",
        "ku-saabsan-sv",
        "Hordhac kooban oo ku saabsan Xisbiga Bidixda Hantiwadaagga, waxa aan taageersanahay, "
        "iyo sida aad xubin u noqon karto.",
        "Waa maxay SV?",
        "Xisbiga Bidixda Hantiwadaagga (SV) waa xisbi u taagan qaybsi caddaalad ah, u guurid "
        "cagaaran iyo bulsho loogu talagalay dadka badan. SV waxay wakiillo la doortay ku "
        "leedahay degmooyinka iyo gobollada dalka oo dhan iyo Stortinget, baarlamaanka "
        "Noorweey.",
        "Maxay SV aaminsan tahay?",
        "Waxaan doonaynaa farqi yar oo u dhexeeya dadka, adeegyo bulsho oo wanaagsan oo "
        "loogu talagalay qof kasta, tallaabo looga hortago xiisadda cimilada iyo xuquuq "
        "siman, meel kasta oo aad ka timid.",
        "Xubin noqo",
        "Qof kasta oo la wadaaga qiyamka aasaasiga ah ee SV wuu xubin noqon karaa. Waxaad "
        "isku diiwaangelin kartaa bogga internetka ee SV ama app-ka SV. Laanta deegaanka ee "
        "aad ku nooshahay ayaa kula soo xiriiri doonta oo kuu sheegi doonta sida aad uga "
        "qayb qaadan karto.",
    ],
    "ar": [
        "عن حزب SV والانضمام إليه",
        "an-sv-wal-indimam",
        "تعريف قصير بحزب اليسار الاشتراكي، وبما ندافع عنه، وبكيفية الحصول على العضوية.",
        "ما هو حزب SV؟",
        "حزب اليسار الاشتراكي (SV) حزب يناضل من أجل التوزيع العادل والتحول الأخضر ومجتمع "
        "للكثيرين لا للقلة. للحزب ممثلون منتخبون في البلديات والمقاطعات في جميع أنحاء البلاد "
        "وفي البرلمان النرويجي (الستورتينغ).",
        "بماذا يؤمن الحزب؟",
        "نريد فوارق أقل بين الناس، وخدمات رعاية جيدة للجميع، وعملًا جادًا لمواجهة أزمة المناخ، "
        "وحقوقًا متساوية بغض النظر عن المكان الذي أتيت منه.",
        "كن عضوًا",
        "يمكن لكل من يشارك الحزب قيمه الأساسية أن يصبح عضوًا. يمكنك الانضمام عبر موقع الحزب "
        "الإلكتروني أو تطبيق SV، وسيتواصل معك الفرع المحلي في منطقتك ليخبرك كيف يمكنك المشاركة.",
    ],
}

LANGUAGES = list(_ABOUT)


def translations(language_code: str, slug: str) -> dict[str, str]:
    """{Bokmål text: translation} for the home page ("home") or "om-sv-og-innmelding"."""
    if slug == HOME:
        return {
            **dict(zip(_HOME_NB, _HOME[language_code], strict=True)),
            "home": f"home-{language_code}",
        }
    return dict(zip(_ABOUT_NB, _ABOUT[language_code], strict=True))
