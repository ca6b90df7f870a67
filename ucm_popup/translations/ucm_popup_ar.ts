<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>App</name>
    <message>
        <source>About ucm-popup</source>
        <translation>حول ucm-popup</translation>
    </message>
    <message>
        <source>ucm-popup is already running</source>
        <translation>ucm-popup قيد التشغيل بالفعل</translation>
    </message>
    <message>
        <source>run with -v for details</source>
        <translation>شغّله مع ‎-v لمعرفة التفاصيل</translation>
    </message>
    <message>
        <source>ucm-popup hit an error</source>
        <translation>واجه ucm-popup خطأً</translation>
    </message>
    <message>
        <source>Could not open the browser</source>
        <translation>تعذّر فتح المتصفح</translation>
    </message>
    <message>
        <source>Dialling %1</source>
        <translation>جارٍ الاتصال بـ %1</translation>
    </message>
    <message>
        <source>Pick up your phone (extension %1) when it rings</source>
        <translation>ارفع سماعة هاتفك (التحويلة %1) عندما يرن</translation>
    </message>
    <message>
        <source>Demo mode</source>
        <translation>وضع العرض التجريبي</translation>
    </message>
    <message>
        <source>The demo runs on built-in settings; start ucm-popup without --demo to set up your own UCM and CRM.</source>
        <translation>يعمل العرض التجريبي بإعدادات مدمجة؛ شغّل ucm-popup بدون ‎--demo لإعداد UCM وCRM الخاصين بك.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>الإعدادات</translation>
    </message>
    <message>
        <source>details in %1</source>
        <translation>التفاصيل في %1</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>غير محدد</translation>
    </message>
    <message>
        <source>Settings: %1</source>
        <translation>الإعدادات: %1</translation>
    </message>
    <message>
        <source>Log: %1</source>
        <translation>السجل: %1</translation>
    </message>
    <message>
        <source>Caller popups with Zoho CRM records for Grandstream UCM extensions.</source>
        <translation>نوافذ المتصلين مع سجلات Zoho CRM لتحويلات Grandstream UCM.</translation>
    </message>
    <message>
        <source>Open source (MIT licence).</source>
        <translation>مفتوح المصدر (رخصة MIT).</translation>
    </message>
    <message>
        <source>Could not dial</source>
        <translation>تعذّر الاتصال</translation>
    </message>
    <message>
        <source>Edit %1 and restart ucm-popup</source>
        <translation>عدّل %1 ثم أعد تشغيل ucm-popup</translation>
    </message>
</context>
<context>
    <name>DialBox</name>
    <message>
        <source>Dial — ucm-popup</source>
        <translation>اتصال — ucm-popup</translation>
    </message>
    <message>
        <source>Number to call</source>
        <translation>الرقم المطلوب</translation>
    </message>
    <message>
        <source>Your phone rings first; pick it up and the UCM calls the number</source>
        <translation>يرن هاتفك أولًا؛ ارفع السماعة وسيتصل UCM بالرقم</translation>
    </message>
    <message>
        <source>What will be dialled</source>
        <translation>ما سيتم الاتصال به</translation>
    </message>
    <message>
        <source>&amp;Dial</source>
        <translation>ا&amp;تصال</translation>
    </message>
    <message>
        <source>Dialling…</source>
        <translation>جارٍ الاتصال…</translation>
    </message>
    <message>
        <source>Number to call. Your phone (extension %1) rings first; pick it up and the UCM calls the number.</source>
        <translation>الرقم المطلوب. يرن هاتفك (التحويلة %1) أولًا؛ ارفع السماعة وسيتصل UCM بالرقم.</translation>
    </message>
    <message>
        <source>The UCM will dial %1</source>
        <translation>سيتصل UCM بالرقم %1</translation>
    </message>
</context>
<context>
    <name>TrayState</name>
    <message>
        <source>Connected</source>
        <translation>متصل</translation>
    </message>
    <message>
        <source>Connecting to the UCM…</source>
        <translation>جارٍ الاتصال بـ UCM…</translation>
    </message>
    <message>
        <source>Reconnecting to the UCM…</source>
        <translation>جارٍ إعادة الاتصال بـ UCM…</translation>
    </message>
    <message>
        <source>UCM login refused</source>
        <translation>رُفض تسجيل الدخول إلى UCM</translation>
    </message>
    <message>
        <source>Cannot use the UCM</source>
        <translation>تعذّر استخدام UCM</translation>
    </message>
    <message>
        <source>CRM lookups failing</source>
        <translation>يفشل البحث في CRM</translation>
    </message>
    <message>
        <source>Popups paused</source>
        <translation>النوافذ متوقفة مؤقتًا</translation>
    </message>
    <message>
        <source>Not configured</source>
        <translation>غير مُعدّ</translation>
    </message>
    <message>
        <source>Site relay offline</source>
        <translation>مُرحّل الموقع غير متصل</translation>
    </message>
    <message>
        <source>The site relay lost the UCM</source>
        <translation>فقد مُرحّل الموقع الاتصال بـ UCM</translation>
    </message>
</context>
<context>
    <name>Popup</name>
    <message>
        <source>Contact</source>
        <translation>جهة اتصال</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>عميل محتمل</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>حساب</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <source>Note for the CRM (saved with the call)</source>
        <translation>ملاحظة لـ CRM (تُحفظ مع المكالمة)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Note saved to the CRM</source>
        <translation>حُفظت الملاحظة في CRM</translation>
    </message>
    <message>
        <source>Looking up in the CRM…</source>
        <translation>جارٍ البحث في CRM…</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>اتصال</translation>
    </message>
    <message>
        <source>Ring my phone, then call this number</source>
        <translation>رنّ هاتفي ثم اتصل بهذا الرقم</translation>
    </message>
    <message>
        <source>Unknown caller</source>
        <translation>متصل مجهول</translation>
    </message>
    <message>
        <source>%1 — Missed call — ucm-popup</source>
        <translation>%1 — مكالمة فائتة — ucm-popup</translation>
    </message>
    <message>
        <source>%1 — Call — ucm-popup</source>
        <translation>%1 — مكالمة — ucm-popup</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>المسؤول</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>الهاتف</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>الجوال</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>البريد</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>الخط</translation>
    </message>
    <message>
        <source>Open in CRM</source>
        <translation>فتح في CRM</translation>
    </message>
    <message>
        <source>Create contact</source>
        <translation>إنشاء جهة اتصال</translation>
    </message>
    <message>
        <source>Create lead</source>
        <translation>إنشاء عميل محتمل</translation>
    </message>
    <message>
        <source>Call back</source>
        <translation>معاودة الاتصال</translation>
    </message>
    <message>
        <source>Save note</source>
        <translation>حفظ الملاحظة</translation>
    </message>
    <message>
        <source>Close this popup (Escape)</source>
        <translation>إغلاق هذه النافذة (Esc)</translation>
    </message>
    <message>
        <source>Matching records</source>
        <translation>السجلات المطابقة</translation>
    </message>
    <message>
        <source>Several CRM records have this number: pick one</source>
        <translation>عدة سجلات في CRM تحمل هذا الرقم: اختر واحدًا</translation>
    </message>
    <message>
        <source>Call the phone number</source>
        <translation>الاتصال برقم الهاتف</translation>
    </message>
    <message>
        <source>Call the mobile number</source>
        <translation>الاتصال برقم الجوال</translation>
    </message>
    <message>
        <source>Note for the CRM</source>
        <translation>ملاحظة لـ CRM</translation>
    </message>
    <message>
        <source>Save the note with the call in the CRM</source>
        <translation>حفظ الملاحظة مع المكالمة في CRM</translation>
    </message>
    <message>
        <source>Open the caller's record in the CRM in the browser</source>
        <translation>فتح سجل المتصل في CRM في المتصفح</translation>
    </message>
    <message>
        <source>Create a contact for this number in the CRM</source>
        <translation>إنشاء جهة اتصال لهذا الرقم في CRM</translation>
    </message>
    <message>
        <source>Create a lead for this number in the CRM</source>
        <translation>إنشاء عميل محتمل لهذا الرقم في CRM</translation>
    </message>
    <message>
        <source>Ring my phone, then call the caller back</source>
        <translation>رنّ هاتفي ثم عاود الاتصال بالمتصل</translation>
    </message>
    <message>
        <source>Call status</source>
        <translation>حالة المكالمة</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>المتصل</translation>
    </message>
    <message>
        <source>Internal call</source>
        <translation>مكالمة داخلية</translation>
    </message>
    <message>
        <source>Incoming call</source>
        <translation>مكالمة واردة</translation>
    </message>
    <message>
        <source>Transferred call</source>
        <translation>مكالمة محوّلة</translation>
    </message>
    <message>
        <source>Calling %1</source>
        <translation>جارٍ الاتصال بـ %1</translation>
    </message>
    <message>
        <source>⚠ CRM lookup failed: %1</source>
        <translation>⚠ فشل البحث في CRM: %1</translation>
    </message>
    <message>
        <source>Transferred to %1</source>
        <translation>حُوّلت إلى %1</translation>
    </message>
    <message>
        <source>Not answered</source>
        <translation>لم يُرد عليها</translation>
    </message>
    <message>
        <source>On call · %1</source>
        <translation>في مكالمة · %1</translation>
    </message>
    <message>
        <source>No match in the CRM for this number</source>
        <translation>لا يوجد تطابق في CRM لهذا الرقم</translation>
    </message>
    <message>
        <source>Answered on another extension</source>
        <translation>أُجيبت على تحويلة أخرى</translation>
    </message>
    <message>
        <source>transferred by %1</source>
        <translation>حوّلها %1</translation>
    </message>
    <message>
        <source>queue %1</source>
        <translation>قائمة الانتظار %1</translation>
    </message>
    <message>
        <source>Call ended · %1</source>
        <translation>انتهت المكالمة · %1</translation>
    </message>
    <message>
        <source>Missed call · %1</source>
        <translation>مكالمة فائتة · %1</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Zoho's v1 API is read-only here (Zoho ended v1 writes in 2019): calls are written and callers added with Zoho CRM (v2) only.</source>
        <translation>واجهة Zoho v1 للقراءة فقط هنا (أوقفت Zoho الكتابة عبر v1 في 2019): تُسجَّل المكالمات ويُضاف المتصلون عبر Zoho CRM (v2) فقط.</translation>
    </message>
    <message>
        <source>United States (zoho.com)</source>
        <translation>الولايات المتحدة (zoho.com)</translation>
    </message>
    <message>
        <source>Europe (zoho.eu)</source>
        <translation>أوروبا (zoho.eu)</translation>
    </message>
    <message>
        <source>India (zoho.in)</source>
        <translation>الهند (zoho.in)</translation>
    </message>
    <message>
        <source>Australia (zoho.com.au)</source>
        <translation>أستراليا (zoho.com.au)</translation>
    </message>
    <message>
        <source>China (zoho.com.cn)</source>
        <translation>الصين (zoho.com.cn)</translation>
    </message>
    <message>
        <source>Japan (zoho.jp)</source>
        <translation>اليابان (zoho.jp)</translation>
    </message>
    <message>
        <source>Canada (zohocloud.ca)</source>
        <translation>كندا (zohocloud.ca)</translation>
    </message>
    <message>
        <source>Saudi Arabia (zoho.sa)</source>
        <translation>المملكة العربية السعودية (zoho.sa)</translation>
    </message>
    <message>
        <source>None: show only the number and name the UCM gives</source>
        <translation>لا شيء: اعرض فقط الرقم والاسم اللذين يرسلهما UCM</translation>
    </message>
    <message>
        <source>Zoho CRM, old v1 API (legacy, end of life)</source>
        <translation>Zoho CRM، واجهة v1 القديمة (متقادمة، انتهى دعمها)</translation>
    </message>
    <message>
        <source>Don't add them</source>
        <translation>لا تضفهم</translation>
    </message>
    <message>
        <source>as a new Lead</source>
        <translation>كعميل محتمل جديد</translation>
    </message>
    <message>
        <source>as a new Contact</source>
        <translation>كجهة اتصال جديدة</translation>
    </message>
    <message>
        <source>Use https:// (plain http:// is only allowed for this computer's own address)</source>
        <translation>استخدم https://‎ (يُسمح بـ http://‎ فقط لعنوان هذا الحاسوب نفسه)</translation>
    </message>
    <message>
        <source>Enter a full address starting with https://, like %1</source>
        <translation>أدخل عنوانًا كاملًا يبدأ بـ https://‎، مثل %1</translation>
    </message>
    <message>
        <source>Enter the address, like %1</source>
        <translation>أدخل العنوان، مثل %1</translation>
    </message>
    <message>
        <source>CRM:</source>
        <translation>CRM:</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>أعلى</translation>
    </message>
    <message>
        <source>Search this module earlier</source>
        <translation>ابحث في هذه الوحدة أولًا</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>أسفل</translation>
    </message>
    <message>
        <source>Search this module later</source>
        <translation>ابحث في هذه الوحدة لاحقًا</translation>
    </message>
    <message>
        <source>Where to look for the caller, top first. Tick the record types your team keeps phone numbers in.</source>
        <translation>أين يُبحث عن المتصل، من الأعلى أولًا. حدّد أنواع السجلات التي يحفظ فيها فريقك أرقام الهواتف.</translation>
    </message>
    <message>
        <source>Your country: numbers the UCM gives without a country code are read as this country's.</source>
        <translation>بلدك: تُقرأ الأرقام التي يرسلها UCM دون رمز دولة على أنها من هذا البلد.</translation>
    </message>
    <message>
        <source>Search in:</source>
        <translation>البحث في:</translation>
    </message>
    <message>
        <source>Country:</source>
        <translation>البلد:</translation>
    </message>
    <message>
        <source>a customer's phone number, like +33 6 12 34 56 78</source>
        <translation>رقم هاتف عميل، مثل ‎+33 6 12 34 56 78</translation>
    </message>
    <message>
        <source>Test lookup</source>
        <translation>اختبار البحث</translation>
    </message>
    <message>
        <source>Look this number up in the CRM with these settings</source>
        <translation>ابحث عن هذا الرقم في CRM بهذه الإعدادات</translation>
    </message>
    <message>
        <source>Type a number you know is in the CRM, then Test lookup.</source>
        <translation>اكتب رقمًا تعرف أنه في CRM، ثم «اختبار البحث».</translation>
    </message>
    <message>
        <source>Try a number:</source>
        <translation>جرّب رقمًا:</translation>
    </message>
    <message>
        <source>Log every call of my extension in Zoho CRM (Calls)</source>
        <translation>سجّل كل مكالمة لتحويلتي في Zoho CRM (المكالمات)</translation>
    </message>
    <message>
        <source>Answered, outgoing and missed calls appear in Zoho's call reports, with your note.</source>
        <translation>تظهر المكالمات المُجابة والصادرة والفائتة في تقارير مكالمات Zoho مع ملاحظتك.</translation>
    </message>
    <message>
        <source>A caller the CRM does not know becomes a record, shown in the popup.</source>
        <translation>يصبح المتصل غير المعروف لدى CRM سجلًا يظهر في النافذة.</translation>
    </message>
    <message>
        <source>Write calls:</source>
        <translation>كتابة المكالمات:</translation>
    </message>
    <message>
        <source>Unknown callers:</source>
        <translation>المتصلون المجهولون:</translation>
    </message>
    <message>
        <source>Other: the addresses under Advanced</source>
        <translation>أخرى: العناوين تحت «متقدم»</translation>
    </message>
    <message>
        <source>Where your Zoho account lives: the end of the address you log in at, e.g. crm.zoho.eu is Europe.</source>
        <translation>مكان حسابك في Zoho: نهاية العنوان الذي تسجّل الدخول منه، مثلًا crm.zoho.eu هو أوروبا.</translation>
    </message>
    <message>
        <source>Zoho's API address for this data centre.</source>
        <translation>عنوان واجهة Zoho البرمجية لمركز البيانات هذا.</translation>
    </message>
    <message>
        <source>Zoho's sign-in (OAuth) server for this data centre.</source>
        <translation>خادم تسجيل الدخول (OAuth) لدى Zoho لمركز البيانات هذا.</translation>
    </message>
    <message>
        <source>Where "Open in CRM" opens records.</source>
        <translation>المكان الذي يفتح فيه «فتح في CRM» السجلات.</translation>
    </message>
    <message>
        <source>API:</source>
        <translation>الواجهة البرمجية:</translation>
    </message>
    <message>
        <source>Accounts:</source>
        <translation>الحسابات:</translation>
    </message>
    <message>
        <source>Web:</source>
        <translation>الويب:</translation>
    </message>
    <message>
        <source>Advanced: the data centre's addresses</source>
        <translation>متقدم: عناوين مركز البيانات</translation>
    </message>
    <message>
        <source>From your Self Client in the Zoho API console (steps below); it starts with 1000.</source>
        <translation>من Self Client في وحدة تحكم Zoho API (الخطوات أدناه)؛ يبدأ بـ 1000.</translation>
    </message>
    <message>
        <source>Shown next to the Client ID in the Zoho API console.</source>
        <translation>يظهر بجوار Client ID في وحدة تحكم Zoho API.</translation>
    </message>
    <message>
        <source>Lets this app read the CRM without your Zoho password. Get one below.</source>
        <translation>يتيح لهذا التطبيق قراءة CRM دون كلمة مرور Zoho. احصل عليه أدناه.</translation>
    </message>
    <message>
        <source>Data centre:</source>
        <translation>مركز البيانات:</translation>
    </message>
    <message>
        <source>Client ID:</source>
        <translation>Client ID:</translation>
    </message>
    <message>
        <source>Client secret:</source>
        <translation>Client secret:</translation>
    </message>
    <message>
        <source>Refresh token:</source>
        <translation>رمز التحديث:</translation>
    </message>
    <message>
        <source>Get refresh token</source>
        <translation>الحصول على رمز التحديث</translation>
    </message>
    <message>
        <source>The permissions this app needs: reading, and writing calls if you chose to</source>
        <translation>الأذونات التي يحتاجها التطبيق: القراءة، وكتابة المكالمات إن اخترت ذلك</translation>
    </message>
    <message>
        <source>Scopes</source>
        <translation>النطاقات</translation>
    </message>
    <message>
        <source>Copy scopes</source>
        <translation>نسخ النطاقات</translation>
    </message>
    <message>
        <source>paste the code here, like 1000.a1b2c3…</source>
        <translation>الصق الرمز هنا، مثل 1000.a1b2c3…</translation>
    </message>
    <message>
        <source>The code Zoho shows after Create; it works once, for a few minutes</source>
        <translation>الرمز الذي تعرضه Zoho بعد Create؛ يعمل مرة واحدة لبضع دقائق</translation>
    </message>
    <message>
        <source>Code from Zoho</source>
        <translation>الرمز من Zoho</translation>
    </message>
    <message>
        <source>Add Client → &lt;b&gt;Self Client&lt;/b&gt; → Create (once). Copy its Client ID and Client Secret into the fields above.</source>
        <translation>Add Client ← &lt;b&gt;Self Client&lt;/b&gt; ← Create (مرة واحدة). انسخ Client ID وClient Secret إلى الحقول أعلاه.</translation>
    </message>
    <message>
        <source>On the &lt;b&gt;Generate Code&lt;/b&gt; tab, paste the scopes below, pick 10 minutes, type any description and press Create (choose your CRM organisation if asked).</source>
        <translation>في تبويب &lt;b&gt;Generate Code&lt;/b&gt; الصق النطاقات أدناه، واختر 10 دقائق، واكتب أي وصف واضغط Create (اختر مؤسسة CRM إن طُلب منك).</translation>
    </message>
    <message>
        <source>Copy the code Zoho shows, paste it here and press &lt;b&gt;Get refresh token&lt;/b&gt;.</source>
        <translation>انسخ الرمز الذي تعرضه Zoho والصقه هنا واضغط &lt;b&gt;الحصول على رمز التحديث&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>Legacy: Zoho has retired the v1 API and its auth tokens (end of life). Use it only if your CRM still accepts them; otherwise choose Zoho CRM above.</source>
        <translation>متقادم: أوقفت Zoho واجهة v1 ورموز المصادقة الخاصة بها. لا تستخدمها إلا إذا كان CRM لديك لا يزال يقبلها؛ وإلا فاختر Zoho CRM أعلاه.</translation>
    </message>
    <message>
        <source>CRM server address: https://crm.zoho.com, .eu, .in, .com.au or .com.cn, as in your browser.</source>
        <translation>عنوان خادم CRM:‏ https://crm.zoho.com أو ‎.eu أو ‎.in أو ‎.com.au أو ‎.com.cn، كما في متصفحك.</translation>
    </message>
    <message>
        <source>The v1 auth token from Zoho CRM's settings (a long hexadecimal string).</source>
        <translation>رمز مصادقة v1 من إعدادات Zoho CRM (سلسلة ست عشرية طويلة).</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>الخادم:</translation>
    </message>
    <message>
        <source>Auth token:</source>
        <translation>رمز المصادقة:</translation>
    </message>
    <message>
        <source>Tick at least one module to search</source>
        <translation>حدّد وحدة واحدة على الأقل للبحث</translation>
    </message>
    <message>
        <source>Some of the data centre's addresses are wrong: see Advanced</source>
        <translation>بعض عناوين مركز البيانات خاطئة: انظر «متقدم»</translation>
    </message>
    <message>
        <source>Paste the Client ID of your Self Client (it starts with 1000.)</source>
        <translation>الصق Client ID الخاص بـ Self Client (يبدأ بـ 1000.)</translation>
    </message>
    <message>
        <source>Paste the Client Secret shown next to the Client ID</source>
        <translation>الصق Client Secret المعروض بجوار Client ID</translation>
    </message>
    <message>
        <source>Get a refresh token with the steps below</source>
        <translation>احصل على رمز تحديث بالخطوات أدناه</translation>
    </message>
    <message>
        <source>The CRM where the popup looks the caller up; choose None if you use none.</source>
        <translation>نظام CRM الذي تبحث فيه النافذة عن المتصل؛ اختر «لا شيء» إن لم تستخدم أيًا منها.</translation>
    </message>
    <message>
        <source>Popups show the caller's number and the name the UCM gives, with no CRM lookup.</source>
        <translation>تعرض النوافذ رقم المتصل والاسم الذي يرسله UCM دون بحث في CRM.</translation>
    </message>
    <message>
        <source>Open the Zoho API console, &lt;a href='%1'&gt;%2&lt;/a&gt;, and sign in with your Zoho CRM account.</source>
        <translation>افتح وحدة تحكم Zoho API‏ &lt;a href='%1'&gt;%2&lt;/a&gt; وسجّل الدخول بحساب Zoho CRM.</translation>
    </message>
    <message>
        <source>Enter the v1 auth token</source>
        <translation>أدخل رمز مصادقة v1</translation>
    </message>
    <message>
        <source>A client ID has no spaces: copy it again from the API console</source>
        <translation>لا يحتوي Client ID على مسافات: انسخه مجددًا من وحدة تحكم API</translation>
    </message>
    <message>
        <source>The refresh token just received lacks %1: generate a new code with the scopes under Get refresh token.</source>
        <translation>رمز التحديث الذي وصل للتو يفتقد %1: أنشئ رمزًا جديدًا بالنطاقات الواردة تحت «الحصول على رمز التحديث».</translation>
    </message>
    <message>
        <source>Writing needs more permissions than reading: generate the refresh token's code with the scopes under Get refresh token (they include them).</source>
        <translation>تحتاج الكتابة إلى أذونات أكثر من القراءة: أنشئ رمز التحديث بالنطاقات الواردة تحت «الحصول على رمز التحديث» (فهي تتضمنها).</translation>
    </message>
    <message>
        <source>Zoho refused this app's writes: the refresh token lacks %1. Generate a new code with the scopes under Get refresh token.</source>
        <translation>رفضت Zoho كتابات هذا التطبيق: رمز التحديث يفتقد %1. أنشئ رمزًا جديدًا بالنطاقات الواردة تحت «الحصول على رمز التحديث».</translation>
    </message>
    <message>
        <source>Click-to-dial (optional): dial from the popup, the tray, the clipboard and tel: links</source>
        <translation>الاتصال بنقرة (اختياري): اتصل من النافذة وعلبة النظام والحافظة وروابط tel:</translation>
    </message>
    <message>
        <source>Test dialling</source>
        <translation>اختبار الاتصال</translation>
    </message>
    <message>
        <source>Log in as the API user, as dialling will (nothing is dialled)</source>
        <translation>سجّل الدخول بمستخدم API كما سيفعل الاتصال (لا يتم الاتصال بأي رقم)</translation>
    </message>
    <message>
        <source>API user:</source>
        <translation>مستخدم API:</translation>
    </message>
    <message>
        <source>API password:</source>
        <translation>كلمة مرور API:</translation>
    </message>
    <message>
        <source>Outside prefix:</source>
        <translation>بادئة الخط الخارجي:</translation>
    </message>
    <message>
        <source>International prefix:</source>
        <translation>البادئة الدولية:</translation>
    </message>
    <message>
        <source>Enter the API user whose password this is</source>
        <translation>أدخل مستخدم API صاحب كلمة المرور هذه</translation>
    </message>
    <message>
        <source>The UCM's HTTPS-API user (UCM: Value-added Features, API Configuration), not the web user above. Leave empty not to dial from this computer.</source>
        <translation>مستخدم واجهة HTTPS البرمجية في UCM ‏(UCM: Value-added Features, API Configuration)، وليس مستخدم الويب أعلاه. اتركه فارغًا لعدم الاتصال من هذا الحاسوب.</translation>
    </message>
    <message>
        <source>That API user's password.</source>
        <translation>كلمة مرور مستخدم API هذا.</translation>
    </message>
    <message>
        <source>Digits your UCM's outbound routes need before an outside number, like 0 or 9; often none.</source>
        <translation>الأرقام التي تحتاجها مسارات UCM الصادرة قبل الرقم الخارجي، مثل 0 أو 9؛ غالبًا لا شيء.</translation>
    </message>
    <message>
        <source>How numbers of other countries are dialled from your country: 00 in most of the world, 011 from the US and Canada.</source>
        <translation>كيفية الاتصال بأرقام دول أخرى من بلدك: 00 في معظم العالم، و011 من الولايات المتحدة وكندا.</translation>
    </message>
    <message>
        <source>Make UCM Popup the handler for phone links</source>
        <translation>اجعل UCM Popup التطبيق الافتراضي لروابط الهاتف</translation>
    </message>
    <message>
        <source>tel: and callto: links in Safari, Mail and other apps will dial through your UCM instead of FaceTime</source>
        <translation>ستتصل روابط tel: و callto: في Safari وMail والتطبيقات الأخرى عبر UCM بدلاً من FaceTime</translation>
    </message>
    <message>
        <source>tel: and callto: links now open UCM Popup</source>
        <translation>روابط tel: و callto: تفتح الآن UCM Popup</translation>
    </message>
    <message>
        <source>Only digits, like 0 or 00</source>
        <translation>أرقام فقط، مثل 0 أو 00</translation>
    </message>
    <message>
        <source>PBX</source>
        <translation>المقسم</translation>
    </message>
    <message>
        <source>CRM</source>
        <translation>CRM</translation>
    </message>
    <message>
        <source>Popup</source>
        <translation>النافذة</translation>
    </message>
    <message>
        <source>ucm-popup settings</source>
        <translation>إعدادات ucm-popup</translation>
    </message>
    <message>
        <source>Welcome to ucm-popup. Fill in the PBX page so that calls to your extension pop up, and the CRM page to see who is calling. Each page has a Test button; nothing is kept until you press Save.</source>
        <translation>مرحبًا بك في ucm-popup. املأ صفحة «المقسم» لتظهر المكالمات الواردة إلى تحويلتك، وصفحة CRM لمعرفة المتصل. في كل صفحة زر اختبار؛ لا يُحفظ شيء حتى تضغط «حفظ».</translation>
    </message>
    <message>
        <source>Reading the keyring…</source>
        <translation>جارٍ قراءة حلقة المفاتيح…</translation>
    </message>
    <message>
        <source>Asking Zoho for a refresh token…</source>
        <translation>جارٍ طلب رمز تحديث من Zoho…</translation>
    </message>
    <message>
        <source>Settings file: %1</source>
        <translation>ملف الإعدادات: %1</translation>
    </message>
    <message>
        <source>Needs a keyring to keep the refresh token</source>
        <translation>يلزم وجود حلقة مفاتيح لحفظ رمز التحديث</translation>
    </message>
    <message>
        <source>Fix the fields marked in red before saving (%1).</source>
        <translation>أصلح الحقول المعلَّمة بالأحمر قبل الحفظ (%1).</translation>
    </message>
    <message>
        <source>Testing: logging in to %1:%2 as %3</source>
        <translation>اختبار: تسجيل الدخول إلى %1:%2 باسم %3</translation>
    </message>
    <message>
        <source>Fill in the fields marked in red first.</source>
        <translation>املأ الحقول المعلَّمة بالأحمر أولًا.</translation>
    </message>
    <message>
        <source>Testing: logging in to %1:%2…</source>
        <translation>اختبار: تسجيل الدخول إلى %1:%2…</translation>
    </message>
    <message>
        <source>Testing: logging in to %1…</source>
        <translation>اختبار: تسجيل الدخول إلى %1…</translation>
    </message>
    <message>
        <source>Enter the UCM's address first.</source>
        <translation>أدخل عنوان UCM أولًا.</translation>
    </message>
    <message>
        <source>Type a phone number to look up first.</source>
        <translation>اكتب رقم هاتف للبحث عنه أولًا.</translation>
    </message>
    <message>
        <source>Looking up %1…</source>
        <translation>جارٍ البحث عن %1…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>جارٍ الحفظ…</translation>
    </message>
    <message>
        <source>First paste %1.</source>
        <translation>الصق أولًا %1.</translation>
    </message>
    <message>
        <source>The settings file %1 is not valid TOML: %2. Save keeps a copy of it beside the new file (.unreadable).</source>
        <translation>ملف الإعدادات %1 ليس TOML صالحًا: %2. يحتفظ الحفظ بنسخة منه بجوار الملف الجديد (.unreadable).</translation>
    </message>
    <message>
        <source>Passwords and tokens cannot be saved: %1. ucm-popup never writes them to a plain file; environment variables still work.</source>
        <translation>لا يمكن حفظ كلمات المرور والرموز: %1. لا يكتبها ucm-popup أبدًا في ملف عادي؛ متغيرات البيئة لا تزال تعمل.</translation>
    </message>
    <message>
        <source>%1 (%2 to fix)</source>
        <translation>%1 (%2 للإصلاح)</translation>
    </message>
    <message>
        <source>the Client ID</source>
        <translation>Client ID</translation>
    </message>
    <message>
        <source>the Client Secret</source>
        <translation>Client Secret</translation>
    </message>
    <message>
        <source>the code</source>
        <translation>الرمز</translation>
    </message>
    <message>
        <source>About the settings file %1:</source>
        <translation>حول ملف الإعدادات %1:</translation>
    </message>
    <message>
        <source>Nothing was saved: %1.</source>
        <translation>لم يُحفظ شيء: %1.</translation>
    </message>
    <message>
        <source>Could not write %1: %2.</source>
        <translation>تعذّرت كتابة %1: %2.</translation>
    </message>
    <message>
        <source>Settings saved, but starting at login could not be turned on: %1%2.</source>
        <translation>حُفظت الإعدادات، لكن تعذّر تفعيل التشغيل عند تسجيل الدخول: %1%2.</translation>
    </message>
    <message>
        <source>Settings saved, but starting at login could not be turned off: %1%2.</source>
        <translation>حُفظت الإعدادات، لكن تعذّر إيقاف التشغيل عند تسجيل الدخول: %1%2.</translation>
    </message>
    <message>
        <source>Where popups appear when you have several screens.</source>
        <translation>مكان ظهور النوافذ عند وجود عدة شاشات.</translation>
    </message>
    <message>
        <source>Top left</source>
        <translation>أعلى اليسار</translation>
    </message>
    <message>
        <source>Top right</source>
        <translation>أعلى اليمين</translation>
    </message>
    <message>
        <source>Bottom left</source>
        <translation>أسفل اليسار</translation>
    </message>
    <message>
        <source>Bottom right</source>
        <translation>أسفل اليمين</translation>
    </message>
    <message>
        <source>Adds ucm-popup to the programs Windows starts when you sign in (for you only).</source>
        <translation>يضيف ucm-popup إلى البرامج التي يشغّلها Windows عند تسجيل دخولك (لك وحدك).</translation>
    </message>
    <message>
        <source>Adds ucm-popup to the programs macOS opens when you log in (for you only).</source>
        <translation>يضيف ucm-popup إلى البرامج التي يفتحها macOS عند تسجيل دخولك (لك وحدك).</translation>
    </message>
    <message>
        <source>Adds an entry to your desktop's startup programs (%1); turning it off removes it.</source>
        <translation>يضيف إدخالًا إلى برامج بدء التشغيل في سطح مكتبك (%1)؛ وإيقافه يزيله.</translation>
    </message>
    <message>
        <source>pbx.example.com or 192.168.1.10</source>
        <translation>pbx.example.com أو 192.168.1.10</translation>
    </message>
    <message>
        <source>UCM address:</source>
        <translation>عنوان UCM:</translation>
    </message>
    <message>
        <source>Web port:</source>
        <translation>منفذ الويب:</translation>
    </message>
    <message>
        <source>UCM user:</source>
        <translation>مستخدم UCM:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>كلمة المرور:</translation>
    </message>
    <message>
        <source>Your extension:</source>
        <translation>تحويلتك:</translation>
    </message>
    <message>
        <source>Show the UCM's certificate</source>
        <translation>عرض شهادة UCM</translation>
    </message>
    <message>
        <source>Trust this certificate</source>
        <translation>الوثوق بهذه الشهادة</translation>
    </message>
    <message>
        <source>Forget the pinned certificate</source>
        <translation>نسيان الشهادة المثبّتة</translation>
    </message>
    <message>
        <source>Most UCMs use a certificate they made themselves. Compare its fingerprint with the one on the UCM's web page (or ask your administrator), then trust it.</source>
        <translation>تستخدم معظم أجهزة UCM شهادة أنشأتها بنفسها. قارن بصمتها بالبصمة في صفحة UCM على الويب (أو اسأل المسؤول)، ثم ثق بها.</translation>
    </message>
    <message>
        <source>Certificate:</source>
        <translation>الشهادة:</translation>
    </message>
    <message>
        <source>Allow the older, weaker encryption of UCM62xx firmware</source>
        <translation>السماح بالتشفير الأقدم والأضعف لبرامج UCM62xx الثابتة</translation>
    </message>
    <message>
        <source>Only for old UCMs the test cannot reach otherwise; newer UCMs never need it.</source>
        <translation>فقط لأجهزة UCM القديمة التي لا يصل إليها الاختبار بغير ذلك؛ لا تحتاجه الأجهزة الأحدث أبدًا.</translation>
    </message>
    <message>
        <source>Old UCM:</source>
        <translation>UCM قديم:</translation>
    </message>
    <message>
        <source>Optional: a PEM file with your company's certificate authority, if it signed the UCM's certificate.</source>
        <translation>اختياري: ملف PEM بجهة الشهادات في شركتك، إن كانت قد وقّعت شهادة UCM.</translation>
    </message>
    <message>
        <source>CA file:</source>
        <translation>ملف CA:</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>متقدم</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>اختبار الاتصال</translation>
    </message>
    <message>
        <source>Log in to the UCM with these settings and ask for call events, as the app will</source>
        <translation>سجّل الدخول إلى UCM بهذه الإعدادات واطلب أحداث المكالمات كما سيفعل التطبيق</translation>
    </message>
    <message>
        <source>Enter the UCM's address, like pbx.example.com</source>
        <translation>أدخل عنوان UCM، مثل pbx.example.com</translation>
    </message>
    <message>
        <source>Enter the UCM user name this app logs in with</source>
        <translation>أدخل اسم مستخدم UCM الذي يسجّل به التطبيق الدخول</translation>
    </message>
    <message>
        <source>Enter the password of that UCM user</source>
        <translation>أدخل كلمة مرور مستخدم UCM هذا</translation>
    </message>
    <message>
        <source>When my phone rings</source>
        <translation>عندما يرن هاتفي</translation>
    </message>
    <message>
        <source>When I answer the call</source>
        <translation>عندما أرد على المكالمة</translation>
    </message>
    <message>
        <source>Also for calls from colleagues' extensions</source>
        <translation>أيضًا لمكالمات تحويلات الزملاء</translation>
    </message>
    <message>
        <source>Also for calls I make ("Calling Jane Doe")</source>
        <translation>أيضًا للمكالمات التي أجريها («جارٍ الاتصال بفلان»)</translation>
    </message>
    <message>
        <source> s</source>
        <translation> ث</translation>
    </message>
    <message>
        <source>at once</source>
        <translation>فورًا</translation>
    </message>
    <message>
        <source>until I close it</source>
        <translation>حتى أغلقها</translation>
    </message>
    <message>
        <source>Start ucm-popup when I log in</source>
        <translation>تشغيل ucm-popup عند تسجيل دخولي</translation>
    </message>
    <message>
        <source>Show the popup:</source>
        <translation>إظهار النافذة:</translation>
    </message>
    <message>
        <source>Internal calls:</source>
        <translation>المكالمات الداخلية:</translation>
    </message>
    <message>
        <source>Outgoing calls:</source>
        <translation>المكالمات الصادرة:</translation>
    </message>
    <message>
        <source>Close after a call:</source>
        <translation>الإغلاق بعد المكالمة:</translation>
    </message>
    <message>
        <source>Missed-call card:</source>
        <translation>بطاقة المكالمة الفائتة:</translation>
    </message>
    <message>
        <source>Screen:</source>
        <translation>الشاشة:</translation>
    </message>
    <message>
        <source>Corner:</source>
        <translation>الزاوية:</translation>
    </message>
    <message>
        <source>At login:</source>
        <translation>عند تسجيل الدخول:</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>اللغة:</translation>
    </message>
    <message>
        <source>The name or IP address of your Grandstream UCM phone system, as in your browser's address bar (without https://).</source>
        <translation>اسم أو عنوان IP لمقسم Grandstream UCM كما في شريط عنوان المتصفح (بدون https://‎).</translation>
    </message>
    <message>
        <source>The UCM's web (HTTPS) port: 8089 unless your administrator changed it.</source>
        <translation>منفذ الويب (HTTPS) لـ UCM: ‏8089 ما لم يغيّره المسؤول.</translation>
    </message>
    <message>
        <source>A user of the UCM's web interface that may see call status; ask your administrator.</source>
        <translation>مستخدم لواجهة UCM على الويب يمكنه رؤية حالة المكالمات؛ اسأل المسؤول.</translation>
    </message>
    <message>
        <source>That UCM user's password.</source>
        <translation>كلمة مرور مستخدم UCM هذا.</translation>
    </message>
    <message>
        <source>Your own phone's extension number: calls that ring it pop up on this computer.</source>
        <translation>رقم تحويلة هاتفك: تظهر على هذا الحاسوب المكالمات التي ترنّه.</translation>
    </message>
    <message>
        <source>Pinned (trusted), and the UCM presents this one:</source>
        <translation>مثبّتة (موثوقة)، ويقدّم UCM هذه:</translation>
    </message>
    <message>
        <source>Enter only the address, like pbx.example.com (no https://, no /)</source>
        <translation>أدخل العنوان فقط، مثل pbx.example.com (بدون https://‎ وبدون /)</translation>
    </message>
    <message>
        <source>No file there: choose an existing PEM file, or leave it empty</source>
        <translation>لا يوجد ملف هناك: اختر ملف PEM موجودًا أو اتركه فارغًا</translation>
    </message>
    <message>
        <source>Enter your extension number, like 1002</source>
        <translation>أدخل رقم تحويلتك، مثل 1002</translation>
    </message>
    <message>
        <source>An extension is a number, like 1002</source>
        <translation>التحويلة رقم، مثل 1002</translation>
    </message>
    <message>
        <source>unnamed</source>
        <translation>بلا اسم</translation>
    </message>
    <message>
        <source>Screen %1: %2 (%3 x %4)</source>
        <translation>الشاشة %1: %2 (%3 × %4)</translation>
    </message>
    <message>
        <source>, the main screen</source>
        <translation>، الشاشة الرئيسية</translation>
    </message>
    <message>
        <source>Screen %1 (not connected now)</source>
        <translation>الشاشة %1 (غير متصلة الآن)</translation>
    </message>
    <message>
        <source>Ringing shows who calls before you pick up; answering keeps the screen quiet until you take the call.</source>
        <translation>عند الرنين ترى المتصل قبل الرد؛ وعند الرد تبقى الشاشة هادئة حتى تتلقى المكالمة.</translation>
    </message>
    <message>
        <source>Off: only calls from outside (customers) pop up.</source>
        <translation>عند الإيقاف: تظهر فقط المكالمات الخارجية (العملاء).</translation>
    </message>
    <message>
        <source>On: a call you dial, from the phone or this computer, shows whom you call.</source>
        <translation>عند التشغيل: تعرض المكالمة التي تجريها، من الهاتف أو هذا الحاسوب، الشخص الذي تتصل به.</translation>
    </message>
    <message>
        <source>How long the popup stays after a call you answered has ended.</source>
        <translation>مدة بقاء النافذة بعد انتهاء مكالمة أجبت عليها.</translation>
    </message>
    <message>
        <source>How long a missed call's card stays; it also stays in the recent calls list.</source>
        <translation>مدة بقاء بطاقة المكالمة الفائتة؛ وتبقى أيضًا في قائمة المكالمات الأخيرة.</translation>
    </message>
    <message>
        <source>The corner of that screen where popups appear.</source>
        <translation>زاوية تلك الشاشة التي تظهر فيها النوافذ.</translation>
    </message>
    <message>
        <source>The language of the popups, the tray menu and this dialog; it applies when you Save.</source>
        <translation>لغة النوافذ وقائمة علبة النظام وهذه النافذة؛ تُطبَّق عند الحفظ.</translation>
    </message>
    <message>
        <source>The desktop's language (%1)</source>
        <translation>لغة سطح المكتب (%1)</translation>
    </message>
    <message>
        <source>Pinned (trusted):</source>
        <translation>مثبّتة (موثوقة):</translation>
    </message>
    <message>
        <source>None pinned: the UCM's certificate must be signed by an authority this computer trusts.</source>
        <translation>لا شهادة مثبّتة: يجب أن تكون شهادة UCM موقّعة من جهة يثق بها هذا الحاسوب.</translation>
    </message>
    <message>
        <source>The UCM presents:</source>
        <translation>يقدّم UCM:</translation>
    </message>
    <message>
        <source>An address has no spaces, like pbx.example.com or 192.168.1.10</source>
        <translation>لا يحتوي العنوان على مسافات، مثل pbx.example.com أو 192.168.1.10</translation>
    </message>
    <message>
        <source>Put the port in the Web port field, not after the address</source>
        <translation>ضع المنفذ في حقل «منفذ الويب»، وليس بعد العنوان</translation>
    </message>
    <message>
        <source>This computer logs in to the UCM itself, with a UCM user and password.</source>
        <translation>يسجّل هذا الحاسوب الدخول إلى UCM بنفسه، بمستخدم UCM وكلمة مرور.</translation>
    </message>
    <message>
        <source>Your administrator runs a site relay: this computer gets its calls through the company's message broker and needs no UCM password.</source>
        <translation>يدير المسؤول مُرحّلًا للموقع: يتلقى هذا الحاسوب مكالماته عبر وسيط الرسائل في الشركة ولا يحتاج إلى كلمة مرور UCM.</translation>
    </message>
    <message>
        <source>Directly to the UCM</source>
        <translation>مباشرة إلى UCM</translation>
    </message>
    <message>
        <source>Through the site relay</source>
        <translation>عبر مُرحّل الموقع</translation>
    </message>
    <message>
        <source>Broker:</source>
        <translation>الوسيط:</translation>
    </message>
    <message>
        <source>Broker user:</source>
        <translation>مستخدم الوسيط:</translation>
    </message>
    <message>
        <source>Broker password:</source>
        <translation>كلمة مرور الوسيط:</translation>
    </message>
    <message>
        <source>Site prefix:</source>
        <translation>بادئة الموقع:</translation>
    </message>
    <message>
        <source>Test the relay</source>
        <translation>اختبار المُرحّل</translation>
    </message>
    <message>
        <source>Log in to the broker with these settings and read the relay's status</source>
        <translation>سجّل الدخول إلى الوسيط بهذه الإعدادات واقرأ حالة المُرحّل</translation>
    </message>
    <message>
        <source>Calls come:</source>
        <translation>تصل المكالمات:</translation>
    </message>
    <message>
        <source>Enter the broker's address, like mqtts://broker.example.com:8883</source>
        <translation>أدخل عنوان الوسيط، مثل mqtts://broker.example.com:8883</translation>
    </message>
    <message>
        <source>Enter your broker user, usually your extension</source>
        <translation>أدخل مستخدمك في الوسيط، عادةً تحويلتك</translation>
    </message>
    <message>
        <source>Enter that broker user's password</source>
        <translation>أدخل كلمة مرور مستخدم الوسيط هذا</translation>
    </message>
    <message>
        <source>Enter the site's prefix, like ucm-popup</source>
        <translation>أدخل بادئة الموقع، مثل ucm-popup</translation>
    </message>
    <message>
        <source>The message broker's address, from your administrator (mqtts:// is encrypted).</source>
        <translation>عنوان وسيط الرسائل من المسؤول (mqtts://‎ مشفّر).</translation>
    </message>
    <message>
        <source>Your broker user: usually your extension number.</source>
        <translation>مستخدمك في الوسيط: عادةً رقم تحويلتك.</translation>
    </message>
    <message>
        <source>That broker user's password.</source>
        <translation>كلمة مرور مستخدم الوسيط هذا.</translation>
    </message>
    <message>
        <source>The site's name on the broker; leave ucm-popup unless told otherwise.</source>
        <translation>اسم الموقع على الوسيط؛ اترك ucm-popup ما لم يُطلب غير ذلك.</translation>
    </message>
    <message>
        <source>Optional: a PEM file with the certificate authority that signed the broker's certificate.</source>
        <translation>اختياري: ملف PEM بجهة الشهادات التي وقّعت شهادة الوسيط.</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>إظهار</translation>
    </message>
    <message>
        <source>Show what you typed</source>
        <translation>إظهار ما كتبته</translation>
    </message>
    <message>
        <source>cannot be saved on this computer</source>
        <translation>لا يمكن حفظه على هذا الحاسوب</translation>
    </message>
    <message>
        <source>Taken from the environment variable %1.</source>
        <translation>مأخوذ من متغير البيئة %1.</translation>
    </message>
    <message>
        <source>No keyring on this computer, so this cannot be saved here: set the environment variable %1 instead.</source>
        <translation>لا توجد حلقة مفاتيح على هذا الحاسوب، لذا لا يمكن الحفظ هنا: اضبط متغير البيئة %1 بدلًا من ذلك.</translation>
    </message>
    <message>
        <source>set by the environment</source>
        <translation>مضبوط من البيئة</translation>
    </message>
    <message>
        <source>Taken from the environment variable %1, which wins over the keyring. What you type here goes to the keyring.</source>
        <translation>مأخوذ من متغير البيئة %1 الذي يتقدّم على حلقة المفاتيح. ما تكتبه هنا يذهب إلى حلقة المفاتيح.</translation>
    </message>
    <message>
        <source>New value: it replaces the one in the keyring when you Save.</source>
        <translation>قيمة جديدة: تحل محل القيمة في حلقة المفاتيح عند الحفظ.</translation>
    </message>
    <message>
        <source>•••••••• saved in the keyring; type to replace</source>
        <translation>•••••••• محفوظ في حلقة المفاتيح؛ اكتب للاستبدال</translation>
    </message>
    <message>
        <source>Saved in the system keyring. Leave empty to keep it.</source>
        <translation>محفوظ في حلقة مفاتيح النظام. اتركه فارغًا للإبقاء عليه.</translation>
    </message>
    <message>
        <source>Goes to the system keyring when you Save, never in the settings file.</source>
        <translation>يذهب إلى حلقة مفاتيح النظام عند الحفظ، وليس إلى ملف الإعدادات أبدًا.</translation>
    </message>
    <message>
        <source>Kept in the system keyring, never in the settings file.</source>
        <translation>يُحفظ في حلقة مفاتيح النظام، وليس في ملف الإعدادات أبدًا.</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>ringing</source>
        <translation>يرن</translation>
    </message>
    <message>
        <source>on call</source>
        <translation>في مكالمة</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>فائتة</translation>
    </message>
    <message>
        <source>answered elsewhere</source>
        <translation>أُجيبت في مكان آخر</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>تم الرد</translation>
    </message>
    <message>
        <source>not answered</source>
        <translation>لم يُرد عليها</translation>
    </message>
    <message>
        <source>CRM index: not synced yet</source>
        <translation>فهرس CRM: لم تتم المزامنة بعد</translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>أقل من دقيقة</numerusform>
            <numerusform>دقيقة واحدة</numerusform>
            <numerusform>دقيقتان</numerusform>
            <numerusform>%n دقائق</numerusform>
            <numerusform>%n دقيقة</numerusform>
            <numerusform>%n دقيقة</numerusform>
        </translation>
    </message>
    <message>
        <source>CRM index: %1, synced %2</source>
        <translation>فهرس CRM: %1، تمت المزامنة %2</translation>
    </message>
    <message>
        <source>; sync failing: %1</source>
        <translation>؛ تفشل المزامنة: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n ث</numerusform>
            <numerusform>%n ث</numerusform>
            <numerusform>%n ث</numerusform>
            <numerusform>%n ث</numerusform>
            <numerusform>%n ث</numerusform>
            <numerusform>%n ث</numerusform>
        </translation>
    </message>
    <message>
        <source>just now</source>
        <translation>الآن</translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <translation>
            <numerusform>أقل من ساعة</numerusform>
            <numerusform>ساعة واحدة</numerusform>
            <numerusform>ساعتان</numerusform>
            <numerusform>%n ساعات</numerusform>
            <numerusform>%n ساعة</numerusform>
            <numerusform>%n ساعة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>لا أيام</numerusform>
            <numerusform>يوم واحد</numerusform>
            <numerusform>يومان</numerusform>
            <numerusform>%n أيام</numerusform>
            <numerusform>%n يومًا</numerusform>
            <numerusform>%n يوم</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation>منذ %1</translation>
    </message>
    <message>
        <source>&amp;Menu</source>
        <translation>ال&amp;قائمة</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>القائمة</translation>
    </message>
    <message>
        <source>This desktop has no system tray, so ucm-popup shows this window instead. Closing it quits ucm-popup.</source>
        <translation>لا يحتوي سطح المكتب هذا على علبة نظام، لذا يعرض ucm-popup هذه النافذة بدلًا منها. إغلاقها ينهي ucm-popup.</translation>
    </message>
    <message>
        <source>&amp;Recent calls</source>
        <translation>المكالمات ال&amp;أخيرة</translation>
    </message>
    <message>
        <source>&amp;Pause popups</source>
        <translation>إي&amp;قاف النوافذ مؤقتًا</translation>
    </message>
    <message>
        <source>Reset popup p&amp;osition</source>
        <translation>إعادة &amp;موضع النوافذ</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>الإ&amp;عدادات…</translation>
    </message>
    <message>
        <source>&amp;About ucm-popup</source>
        <translation>&amp;حول ucm-popup</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;خروج</translation>
    </message>
    <message>
        <source>&amp;Call back</source>
        <translation>م&amp;عاودة الاتصال</translation>
    </message>
    <message>
        <source>Number copied</source>
        <translation>تم نسخ الرقم</translation>
    </message>
    <message>
        <source>outgoing, %1</source>
        <translation>صادرة، %1</translation>
    </message>
    <message>
        <source>transferred to %1</source>
        <translation>حُوّلت إلى %1</translation>
    </message>
    <message>
        <source>Writing to the CRM failed</source>
        <translation>فشلت الكتابة في CRM</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation>
            <numerusform>لا سجلات</numerusform>
            <numerusform>سجل واحد</numerusform>
            <numerusform>سجلان</numerusform>
            <numerusform>%n سجلات</numerusform>
            <numerusform>%n سجلًا</numerusform>
            <numerusform>%n سجل</numerusform>
        </translation>
    </message>
    <message>
        <source> (retry in %1)</source>
        <translation> (إعادة المحاولة خلال %1)</translation>
    </message>
    <message>
        <source>&amp;Focus the latest popup</source>
        <translation>ت&amp;ركيز آخر نافذة</translation>
    </message>
    <message>
        <source>&amp;Dial…</source>
        <translation>ا&amp;تصال…</translation>
    </message>
    <message>
        <source>Ring &amp;me (demo)</source>
        <translation>رنّ &amp;هاتفي (تجريبي)</translation>
    </message>
    <message>
        <source>No calls yet</source>
        <translation>لا مكالمات بعد</translation>
    </message>
    <message>
        <source> (extension %1)</source>
        <translation> (التحويلة %1)</translation>
    </message>
    <message>
        <source>Popups are paused</source>
        <translation>النوافذ متوقفة مؤقتًا</translation>
    </message>
    <message>
        <source>%1 is on the clipboard</source>
        <translation>%1 في الحافظة</translation>
    </message>
    <message numerus="yes">
        <source>%n call(s) waiting to be written</source>
        <translation>
            <numerusform>لا مكالمات تنتظر الكتابة</numerusform>
            <numerusform>مكالمة واحدة تنتظر الكتابة</numerusform>
            <numerusform>مكالمتان تنتظران الكتابة</numerusform>
            <numerusform>%n مكالمات تنتظر الكتابة</numerusform>
            <numerusform>%n مكالمة تنتظر الكتابة</numerusform>
            <numerusform>%n مكالمة تنتظر الكتابة</numerusform>
        </translation>
    </message>
    <message>
        <source>Zoho requires the field %1: ask your Zoho admin to make it optional or give it a default</source>
        <translation>يتطلب Zoho الحقل %1: اطلب من مسؤول Zoho جعله اختياريًا أو إعطاءه قيمة افتراضية</translation>
    </message>
    <message>
        <source>Open the record in the CRM</source>
        <translation>فتح السجل في CRM</translation>
    </message>
    <message>
        <source>Copy the number</source>
        <translation>نسخ الرقم</translation>
    </message>
    <message>
        <source>Site relay %1 is active</source>
        <translation>مُرحِّل الموقع %1 نشط</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>آخر خطأ: %1</translation>
    </message>
</context>
</TS>
