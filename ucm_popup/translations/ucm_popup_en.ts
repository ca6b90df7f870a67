<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>App</name>
    <message>
        <source>About ucm-popup</source>
        <translation>About ucm-popup</translation>
    </message>
    <message>
        <source>ucm-popup is already running</source>
        <translation>ucm-popup is already running</translation>
    </message>
    <message>
        <source>run with -v for details</source>
        <translation>run with -v for details</translation>
    </message>
    <message>
        <source>ucm-popup hit an error</source>
        <translation>ucm-popup hit an error</translation>
    </message>
    <message>
        <source>Could not open the browser</source>
        <translation>Could not open the browser</translation>
    </message>
    <message>
        <source>Dialling %1</source>
        <translation>Dialling %1</translation>
    </message>
    <message>
        <source>Pick up your phone (extension %1) when it rings</source>
        <translation>Pick up your phone (extension %1) when it rings</translation>
    </message>
    <message>
        <source>Demo mode</source>
        <translation>Demo mode</translation>
    </message>
    <message>
        <source>The demo runs on built-in settings; start ucm-popup without --demo to set up your own UCM and CRM.</source>
        <translation>The demo runs on built-in settings; start ucm-popup without --demo to set up your own UCM and CRM.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>details in %1</source>
        <translation>details in %1</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>not set</translation>
    </message>
    <message>
        <source>Settings: %1</source>
        <translation>Settings: %1</translation>
    </message>
    <message>
        <source>Log: %1</source>
        <translation>Log: %1</translation>
    </message>
    <message>
        <source>Caller popups with Zoho CRM records for Grandstream UCM extensions.</source>
        <translation>Caller popups with Zoho CRM records for Grandstream UCM extensions.</translation>
    </message>
    <message>
        <source>Open source (MIT licence).</source>
        <translation>Open source (MIT licence).</translation>
    </message>
    <message>
        <source>Could not dial</source>
        <translation>Could not dial</translation>
    </message>
    <message>
        <source>Edit %1 and restart ucm-popup</source>
        <translation>Edit %1 and restart ucm-popup</translation>
    </message>
</context>
<context>
    <name>DialBox</name>
    <message>
        <source>Dial — ucm-popup</source>
        <translation>Dial — ucm-popup</translation>
    </message>
    <message>
        <source>Number to call</source>
        <translation>Number to call</translation>
    </message>
    <message>
        <source>Your phone rings first; pick it up and the UCM calls the number</source>
        <translation>Your phone rings first; pick it up and the UCM calls the number</translation>
    </message>
    <message>
        <source>What will be dialled</source>
        <translation>What will be dialled</translation>
    </message>
    <message>
        <source>&amp;Dial</source>
        <translation>&amp;Dial</translation>
    </message>
    <message>
        <source>Dialling…</source>
        <translation>Dialling…</translation>
    </message>
    <message>
        <source>Number to call. Your phone (extension %1) rings first; pick it up and the UCM calls the number.</source>
        <translation>Number to call. Your phone (extension %1) rings first; pick it up and the UCM calls the number.</translation>
    </message>
    <message>
        <source>The UCM will dial %1</source>
        <translation>The UCM will dial %1</translation>
    </message>
</context>
<context>
    <name>TrayState</name>
    <message>
        <source>Connected</source>
        <translation>Connected</translation>
    </message>
    <message>
        <source>Connecting to the UCM…</source>
        <translation>Connecting to the UCM…</translation>
    </message>
    <message>
        <source>Reconnecting to the UCM…</source>
        <translation>Reconnecting to the UCM…</translation>
    </message>
    <message>
        <source>UCM login refused</source>
        <translation>UCM login refused</translation>
    </message>
    <message>
        <source>Cannot use the UCM</source>
        <translation>Cannot use the UCM</translation>
    </message>
    <message>
        <source>CRM lookups failing</source>
        <translation>CRM lookups failing</translation>
    </message>
    <message>
        <source>Popups paused</source>
        <translation>Popups paused</translation>
    </message>
    <message>
        <source>Not configured</source>
        <translation>Not configured</translation>
    </message>
    <message>
        <source>Site relay offline</source>
        <translation>Site relay offline</translation>
    </message>
    <message>
        <source>The site relay lost the UCM</source>
        <translation>The site relay lost the UCM</translation>
    </message>
</context>
<context>
    <name>Popup</name>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>Lead</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Dismiss</translation>
    </message>
    <message>
        <source>Note for the CRM (saved with the call)</source>
        <translation>Note for the CRM (saved with the call)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Note saved to the CRM</source>
        <translation>Note saved to the CRM</translation>
    </message>
    <message>
        <source>Looking up in the CRM…</source>
        <translation>Looking up in the CRM…</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Call</translation>
    </message>
    <message>
        <source>Ring my phone, then call this number</source>
        <translation>Ring my phone, then call this number</translation>
    </message>
    <message>
        <source>Unknown caller</source>
        <translation>Unknown caller</translation>
    </message>
    <message>
        <source>%1 — Missed call — ucm-popup</source>
        <translation>%1 — Missed call — ucm-popup</translation>
    </message>
    <message>
        <source>%1 — Call — ucm-popup</source>
        <translation>%1 — Call — ucm-popup</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Line</translation>
    </message>
    <message>
        <source>Open in CRM</source>
        <translation>Open in CRM</translation>
    </message>
    <message>
        <source>Create contact</source>
        <translation>Create contact</translation>
    </message>
    <message>
        <source>Create lead</source>
        <translation>Create lead</translation>
    </message>
    <message>
        <source>Call back</source>
        <translation>Call back</translation>
    </message>
    <message>
        <source>Save note</source>
        <translation>Save note</translation>
    </message>
    <message>
        <source>Close this popup (Escape)</source>
        <translation>Close this popup (Escape)</translation>
    </message>
    <message>
        <source>Matching records</source>
        <translation>Matching records</translation>
    </message>
    <message>
        <source>Several CRM records have this number: pick one</source>
        <translation>Several CRM records have this number: pick one</translation>
    </message>
    <message>
        <source>Call the phone number</source>
        <translation>Call the phone number</translation>
    </message>
    <message>
        <source>Call the mobile number</source>
        <translation>Call the mobile number</translation>
    </message>
    <message>
        <source>Note for the CRM</source>
        <translation>Note for the CRM</translation>
    </message>
    <message>
        <source>Save the note with the call in the CRM</source>
        <translation>Save the note with the call in the CRM</translation>
    </message>
    <message>
        <source>Open the caller's record in the CRM in the browser</source>
        <translation>Open the caller's record in the CRM in the browser</translation>
    </message>
    <message>
        <source>Create a contact for this number in the CRM</source>
        <translation>Create a contact for this number in the CRM</translation>
    </message>
    <message>
        <source>Create a lead for this number in the CRM</source>
        <translation>Create a lead for this number in the CRM</translation>
    </message>
    <message>
        <source>Ring my phone, then call the caller back</source>
        <translation>Ring my phone, then call the caller back</translation>
    </message>
    <message>
        <source>Call status</source>
        <translation>Call status</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>Caller</translation>
    </message>
    <message>
        <source>Internal call</source>
        <translation>Internal call</translation>
    </message>
    <message>
        <source>Incoming call</source>
        <translation>Incoming call</translation>
    </message>
    <message>
        <source>Transferred call</source>
        <translation>Transferred call</translation>
    </message>
    <message>
        <source>Calling %1</source>
        <translation>Calling %1</translation>
    </message>
    <message>
        <source>⚠ CRM lookup failed: %1</source>
        <translation>⚠ CRM lookup failed: %1</translation>
    </message>
    <message>
        <source>Transferred to %1</source>
        <translation>Transferred to %1</translation>
    </message>
    <message>
        <source>Not answered</source>
        <translation>Not answered</translation>
    </message>
    <message>
        <source>On call · %1</source>
        <translation>On call · %1</translation>
    </message>
    <message>
        <source>No match in the CRM for this number</source>
        <translation>No match in the CRM for this number</translation>
    </message>
    <message>
        <source>Answered on another extension</source>
        <translation>Answered on another extension</translation>
    </message>
    <message>
        <source>transferred by %1</source>
        <translation>transferred by %1</translation>
    </message>
    <message>
        <source>queue %1</source>
        <translation>queue %1</translation>
    </message>
    <message>
        <source>Call ended · %1</source>
        <translation>Call ended · %1</translation>
    </message>
    <message>
        <source>Missed call · %1</source>
        <translation>Missed call · %1</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Zoho's v1 API is read-only here (Zoho ended v1 writes in 2019): calls are written and callers added with Zoho CRM (v2) only.</source>
        <translation>Zoho's v1 API is read-only here (Zoho ended v1 writes in 2019): calls are written and callers added with Zoho CRM (v2) only.</translation>
    </message>
    <message>
        <source>United States (zoho.com)</source>
        <translation>United States (zoho.com)</translation>
    </message>
    <message>
        <source>Europe (zoho.eu)</source>
        <translation>Europe (zoho.eu)</translation>
    </message>
    <message>
        <source>India (zoho.in)</source>
        <translation>India (zoho.in)</translation>
    </message>
    <message>
        <source>Australia (zoho.com.au)</source>
        <translation>Australia (zoho.com.au)</translation>
    </message>
    <message>
        <source>China (zoho.com.cn)</source>
        <translation>China (zoho.com.cn)</translation>
    </message>
    <message>
        <source>Japan (zoho.jp)</source>
        <translation>Japan (zoho.jp)</translation>
    </message>
    <message>
        <source>Canada (zohocloud.ca)</source>
        <translation>Canada (zohocloud.ca)</translation>
    </message>
    <message>
        <source>Saudi Arabia (zoho.sa)</source>
        <translation>Saudi Arabia (zoho.sa)</translation>
    </message>
    <message>
        <source>None: show only the number and name the UCM gives</source>
        <translation>None: show only the number and name the UCM gives</translation>
    </message>
    <message>
        <source>Zoho CRM, old v1 API (legacy, end of life)</source>
        <translation>Zoho CRM, old v1 API (legacy, end of life)</translation>
    </message>
    <message>
        <source>Don't add them</source>
        <translation>Don't add them</translation>
    </message>
    <message>
        <source>as a new Lead</source>
        <translation>as a new Lead</translation>
    </message>
    <message>
        <source>as a new Contact</source>
        <translation>as a new Contact</translation>
    </message>
    <message>
        <source>Use https:// (plain http:// is only allowed for this computer's own address)</source>
        <translation>Use https:// (plain http:// is only allowed for this computer's own address)</translation>
    </message>
    <message>
        <source>Enter a full address starting with https://, like %1</source>
        <translation>Enter a full address starting with https://, like %1</translation>
    </message>
    <message>
        <source>Enter the address, like %1</source>
        <translation>Enter the address, like %1</translation>
    </message>
    <message>
        <source>CRM:</source>
        <translation>CRM:</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Up</translation>
    </message>
    <message>
        <source>Search this module earlier</source>
        <translation>Search this module earlier</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Down</translation>
    </message>
    <message>
        <source>Search this module later</source>
        <translation>Search this module later</translation>
    </message>
    <message>
        <source>Where to look for the caller, top first. Tick the record types your team keeps phone numbers in.</source>
        <translation>Where to look for the caller, top first. Tick the record types your team keeps phone numbers in.</translation>
    </message>
    <message>
        <source>Your country: numbers the UCM gives without a country code are read as this country's.</source>
        <translation>Your country: numbers the UCM gives without a country code are read as this country's.</translation>
    </message>
    <message>
        <source>Search in:</source>
        <translation>Search in:</translation>
    </message>
    <message>
        <source>Country:</source>
        <translation>Country:</translation>
    </message>
    <message>
        <source>a customer's phone number, like +33 6 12 34 56 78</source>
        <translation>a customer's phone number, like +33 6 12 34 56 78</translation>
    </message>
    <message>
        <source>Test lookup</source>
        <translation>Test lookup</translation>
    </message>
    <message>
        <source>Look this number up in the CRM with these settings</source>
        <translation>Look this number up in the CRM with these settings</translation>
    </message>
    <message>
        <source>Type a number you know is in the CRM, then Test lookup.</source>
        <translation>Type a number you know is in the CRM, then Test lookup.</translation>
    </message>
    <message>
        <source>Try a number:</source>
        <translation>Try a number:</translation>
    </message>
    <message>
        <source>Log every call of my extension in Zoho CRM (Calls)</source>
        <translation>Log every call of my extension in Zoho CRM (Calls)</translation>
    </message>
    <message>
        <source>Answered, outgoing and missed calls appear in Zoho's call reports, with your note.</source>
        <translation>Answered, outgoing and missed calls appear in Zoho's call reports, with your note.</translation>
    </message>
    <message>
        <source>A caller the CRM does not know becomes a record, shown in the popup.</source>
        <translation>A caller the CRM does not know becomes a record, shown in the popup.</translation>
    </message>
    <message>
        <source>Write calls:</source>
        <translation>Write calls:</translation>
    </message>
    <message>
        <source>Unknown callers:</source>
        <translation>Unknown callers:</translation>
    </message>
    <message>
        <source>Other: the addresses under Advanced</source>
        <translation>Other: the addresses under Advanced</translation>
    </message>
    <message>
        <source>Where your Zoho account lives: the end of the address you log in at, e.g. crm.zoho.eu is Europe.</source>
        <translation>Where your Zoho account lives: the end of the address you log in at, e.g. crm.zoho.eu is Europe.</translation>
    </message>
    <message>
        <source>Zoho's API address for this data centre.</source>
        <translation>Zoho's API address for this data centre.</translation>
    </message>
    <message>
        <source>Zoho's sign-in (OAuth) server for this data centre.</source>
        <translation>Zoho's sign-in (OAuth) server for this data centre.</translation>
    </message>
    <message>
        <source>Where "Open in CRM" opens records.</source>
        <translation>Where "Open in CRM" opens records.</translation>
    </message>
    <message>
        <source>API:</source>
        <translation>API:</translation>
    </message>
    <message>
        <source>Accounts:</source>
        <translation>Accounts:</translation>
    </message>
    <message>
        <source>Web:</source>
        <translation>Web:</translation>
    </message>
    <message>
        <source>Advanced: the data centre's addresses</source>
        <translation>Advanced: the data centre's addresses</translation>
    </message>
    <message>
        <source>From your Self Client in the Zoho API console (steps below); it starts with 1000.</source>
        <translation>From your Self Client in the Zoho API console (steps below); it starts with 1000.</translation>
    </message>
    <message>
        <source>Shown next to the Client ID in the Zoho API console.</source>
        <translation>Shown next to the Client ID in the Zoho API console.</translation>
    </message>
    <message>
        <source>Lets this app read the CRM without your Zoho password. Get one below.</source>
        <translation>Lets this app read the CRM without your Zoho password. Get one below.</translation>
    </message>
    <message>
        <source>Data centre:</source>
        <translation>Data centre:</translation>
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
        <translation>Refresh token:</translation>
    </message>
    <message>
        <source>Get refresh token</source>
        <translation>Get refresh token</translation>
    </message>
    <message>
        <source>The permissions this app needs: reading, and writing calls if you chose to</source>
        <translation>The permissions this app needs: reading, and writing calls if you chose to</translation>
    </message>
    <message>
        <source>Scopes</source>
        <translation>Scopes</translation>
    </message>
    <message>
        <source>Copy scopes</source>
        <translation>Copy scopes</translation>
    </message>
    <message>
        <source>paste the code here, like 1000.a1b2c3…</source>
        <translation>paste the code here, like 1000.a1b2c3…</translation>
    </message>
    <message>
        <source>The code Zoho shows after Create; it works once, for a few minutes</source>
        <translation>The code Zoho shows after Create; it works once, for a few minutes</translation>
    </message>
    <message>
        <source>Code from Zoho</source>
        <translation>Code from Zoho</translation>
    </message>
    <message>
        <source>Add Client → &lt;b&gt;Self Client&lt;/b&gt; → Create (once). Copy its Client ID and Client Secret into the fields above.</source>
        <translation>Add Client → &lt;b&gt;Self Client&lt;/b&gt; → Create (once). Copy its Client ID and Client Secret into the fields above.</translation>
    </message>
    <message>
        <source>On the &lt;b&gt;Generate Code&lt;/b&gt; tab, paste the scopes below, pick 10 minutes, type any description and press Create (choose your CRM organisation if asked).</source>
        <translation>On the &lt;b&gt;Generate Code&lt;/b&gt; tab, paste the scopes below, pick 10 minutes, type any description and press Create (choose your CRM organisation if asked).</translation>
    </message>
    <message>
        <source>Copy the code Zoho shows, paste it here and press &lt;b&gt;Get refresh token&lt;/b&gt;.</source>
        <translation>Copy the code Zoho shows, paste it here and press &lt;b&gt;Get refresh token&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>Legacy: Zoho has retired the v1 API and its auth tokens (end of life). Use it only if your CRM still accepts them; otherwise choose Zoho CRM above.</source>
        <translation>Legacy: Zoho has retired the v1 API and its auth tokens (end of life). Use it only if your CRM still accepts them; otherwise choose Zoho CRM above.</translation>
    </message>
    <message>
        <source>CRM server address: https://crm.zoho.com, .eu, .in, .com.au or .com.cn, as in your browser.</source>
        <translation>CRM server address: https://crm.zoho.com, .eu, .in, .com.au or .com.cn, as in your browser.</translation>
    </message>
    <message>
        <source>The v1 auth token from Zoho CRM's settings (a long hexadecimal string).</source>
        <translation>The v1 auth token from Zoho CRM's settings (a long hexadecimal string).</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Server:</translation>
    </message>
    <message>
        <source>Auth token:</source>
        <translation>Auth token:</translation>
    </message>
    <message>
        <source>Tick at least one module to search</source>
        <translation>Tick at least one module to search</translation>
    </message>
    <message>
        <source>Some of the data centre's addresses are wrong: see Advanced</source>
        <translation>Some of the data centre's addresses are wrong: see Advanced</translation>
    </message>
    <message>
        <source>Paste the Client ID of your Self Client (it starts with 1000.)</source>
        <translation>Paste the Client ID of your Self Client (it starts with 1000.)</translation>
    </message>
    <message>
        <source>Paste the Client Secret shown next to the Client ID</source>
        <translation>Paste the Client Secret shown next to the Client ID</translation>
    </message>
    <message>
        <source>Get a refresh token with the steps below</source>
        <translation>Get a refresh token with the steps below</translation>
    </message>
    <message>
        <source>The CRM where the popup looks the caller up; choose None if you use none.</source>
        <translation>The CRM where the popup looks the caller up; choose None if you use none.</translation>
    </message>
    <message>
        <source>Popups show the caller's number and the name the UCM gives, with no CRM lookup.</source>
        <translation>Popups show the caller's number and the name the UCM gives, with no CRM lookup.</translation>
    </message>
    <message>
        <source>Open the Zoho API console, &lt;a href='%1'&gt;%2&lt;/a&gt;, and sign in with your Zoho CRM account.</source>
        <translation>Open the Zoho API console, &lt;a href='%1'&gt;%2&lt;/a&gt;, and sign in with your Zoho CRM account.</translation>
    </message>
    <message>
        <source>Enter the v1 auth token</source>
        <translation>Enter the v1 auth token</translation>
    </message>
    <message>
        <source>A client ID has no spaces: copy it again from the API console</source>
        <translation>A client ID has no spaces: copy it again from the API console</translation>
    </message>
    <message>
        <source>The refresh token just received lacks %1: generate a new code with the scopes under Get refresh token.</source>
        <translation>The refresh token just received lacks %1: generate a new code with the scopes under Get refresh token.</translation>
    </message>
    <message>
        <source>Writing needs more permissions than reading: generate the refresh token's code with the scopes under Get refresh token (they include them).</source>
        <translation>Writing needs more permissions than reading: generate the refresh token's code with the scopes under Get refresh token (they include them).</translation>
    </message>
    <message>
        <source>Zoho refused this app's writes: the refresh token lacks %1. Generate a new code with the scopes under Get refresh token.</source>
        <translation>Zoho refused this app's writes: the refresh token lacks %1. Generate a new code with the scopes under Get refresh token.</translation>
    </message>
    <message>
        <source>Click-to-dial (optional): dial from the popup, the tray, the clipboard and tel: links</source>
        <translation>Click-to-dial (optional): dial from the popup, the tray, the clipboard and tel: links</translation>
    </message>
    <message>
        <source>Test dialling</source>
        <translation>Test dialling</translation>
    </message>
    <message>
        <source>Log in as the API user, as dialling will (nothing is dialled)</source>
        <translation>Log in as the API user, as dialling will (nothing is dialled)</translation>
    </message>
    <message>
        <source>API user:</source>
        <translation>API user:</translation>
    </message>
    <message>
        <source>API password:</source>
        <translation>API password:</translation>
    </message>
    <message>
        <source>Outside prefix:</source>
        <translation>Outside prefix:</translation>
    </message>
    <message>
        <source>International prefix:</source>
        <translation>International prefix:</translation>
    </message>
    <message>
        <source>Enter the API user whose password this is</source>
        <translation>Enter the API user whose password this is</translation>
    </message>
    <message>
        <source>The UCM's HTTPS-API user (UCM: Value-added Features, API Configuration), not the web user above. Leave empty not to dial from this computer.</source>
        <translation>The UCM's HTTPS-API user (UCM: Value-added Features, API Configuration), not the web user above. Leave empty not to dial from this computer.</translation>
    </message>
    <message>
        <source>That API user's password.</source>
        <translation>That API user's password.</translation>
    </message>
    <message>
        <source>Digits your UCM's outbound routes need before an outside number, like 0 or 9; often none.</source>
        <translation>Digits your UCM's outbound routes need before an outside number, like 0 or 9; often none.</translation>
    </message>
    <message>
        <source>How numbers of other countries are dialled from your country: 00 in most of the world, 011 from the US and Canada.</source>
        <translation>How numbers of other countries are dialled from your country: 00 in most of the world, 011 from the US and Canada.</translation>
    </message>
    <message>
        <source>Make UCM Popup the handler for phone links</source>
        <translation>Make UCM Popup the handler for phone links</translation>
    </message>
    <message>
        <source>tel: and callto: links in Safari, Mail and other apps will dial through your UCM instead of FaceTime</source>
        <translation>tel: and callto: links in Safari, Mail and other apps will dial through your UCM instead of FaceTime</translation>
    </message>
    <message>
        <source>tel: and callto: links now open UCM Popup</source>
        <translation>tel: and callto: links now open UCM Popup</translation>
    </message>
    <message>
        <source>Only digits, like 0 or 00</source>
        <translation>Only digits, like 0 or 00</translation>
    </message>
    <message>
        <source>PBX</source>
        <translation>PBX</translation>
    </message>
    <message>
        <source>CRM</source>
        <translation>CRM</translation>
    </message>
    <message>
        <source>Popup</source>
        <translation>Popup</translation>
    </message>
    <message>
        <source>ucm-popup settings</source>
        <translation>ucm-popup settings</translation>
    </message>
    <message>
        <source>Welcome to ucm-popup. Fill in the PBX page so that calls to your extension pop up, and the CRM page to see who is calling. Each page has a Test button; nothing is kept until you press Save.</source>
        <translation>Welcome to ucm-popup. Fill in the PBX page so that calls to your extension pop up, and the CRM page to see who is calling. Each page has a Test button; nothing is kept until you press Save.</translation>
    </message>
    <message>
        <source>Reading the keyring…</source>
        <translation>Reading the keyring…</translation>
    </message>
    <message>
        <source>Asking Zoho for a refresh token…</source>
        <translation>Asking Zoho for a refresh token…</translation>
    </message>
    <message>
        <source>Settings file: %1</source>
        <translation>Settings file: %1</translation>
    </message>
    <message>
        <source>Needs a keyring to keep the refresh token</source>
        <translation>Needs a keyring to keep the refresh token</translation>
    </message>
    <message>
        <source>Fix the fields marked in red before saving (%1).</source>
        <translation>Fix the fields marked in red before saving (%1).</translation>
    </message>
    <message>
        <source>Testing: logging in to %1:%2 as %3</source>
        <translation>Testing: logging in to %1:%2 as %3</translation>
    </message>
    <message>
        <source>Fill in the fields marked in red first.</source>
        <translation>Fill in the fields marked in red first.</translation>
    </message>
    <message>
        <source>Testing: logging in to %1:%2…</source>
        <translation>Testing: logging in to %1:%2…</translation>
    </message>
    <message>
        <source>Testing: logging in to %1…</source>
        <translation>Testing: logging in to %1…</translation>
    </message>
    <message>
        <source>Enter the UCM's address first.</source>
        <translation>Enter the UCM's address first.</translation>
    </message>
    <message>
        <source>Type a phone number to look up first.</source>
        <translation>Type a phone number to look up first.</translation>
    </message>
    <message>
        <source>Looking up %1…</source>
        <translation>Looking up %1…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>First paste %1.</source>
        <translation>First paste %1.</translation>
    </message>
    <message>
        <source>The settings file %1 is not valid TOML: %2. Save keeps a copy of it beside the new file (.unreadable).</source>
        <translation>The settings file %1 is not valid TOML: %2. Save keeps a copy of it beside the new file (.unreadable).</translation>
    </message>
    <message>
        <source>Passwords and tokens cannot be saved: %1. ucm-popup never writes them to a plain file; environment variables still work.</source>
        <translation>Passwords and tokens cannot be saved: %1. ucm-popup never writes them to a plain file; environment variables still work.</translation>
    </message>
    <message>
        <source>%1 (%2 to fix)</source>
        <translation>%1 (%2 to fix)</translation>
    </message>
    <message>
        <source>the Client ID</source>
        <translation>the Client ID</translation>
    </message>
    <message>
        <source>the Client Secret</source>
        <translation>the Client Secret</translation>
    </message>
    <message>
        <source>the code</source>
        <translation>the code</translation>
    </message>
    <message>
        <source>About the settings file %1:</source>
        <translation>About the settings file %1:</translation>
    </message>
    <message>
        <source>Nothing was saved: %1.</source>
        <translation>Nothing was saved: %1.</translation>
    </message>
    <message>
        <source>Could not write %1: %2.</source>
        <translation>Could not write %1: %2.</translation>
    </message>
    <message>
        <source>Settings saved, but starting at login could not be turned on: %1%2.</source>
        <translation>Settings saved, but starting at login could not be turned on: %1%2.</translation>
    </message>
    <message>
        <source>Settings saved, but starting at login could not be turned off: %1%2.</source>
        <translation>Settings saved, but starting at login could not be turned off: %1%2.</translation>
    </message>
    <message>
        <source>Where popups appear when you have several screens.</source>
        <translation>Where popups appear when you have several screens.</translation>
    </message>
    <message>
        <source>Top left</source>
        <translation>Top left</translation>
    </message>
    <message>
        <source>Top right</source>
        <translation>Top right</translation>
    </message>
    <message>
        <source>Bottom left</source>
        <translation>Bottom left</translation>
    </message>
    <message>
        <source>Bottom right</source>
        <translation>Bottom right</translation>
    </message>
    <message>
        <source>Adds ucm-popup to the programs Windows starts when you sign in (for you only).</source>
        <translation>Adds ucm-popup to the programs Windows starts when you sign in (for you only).</translation>
    </message>
    <message>
        <source>Adds ucm-popup to the programs macOS opens when you log in (for you only).</source>
        <translation>Adds ucm-popup to the programs macOS opens when you log in (for you only).</translation>
    </message>
    <message>
        <source>Adds an entry to your desktop's startup programs (%1); turning it off removes it.</source>
        <translation>Adds an entry to your desktop's startup programs (%1); turning it off removes it.</translation>
    </message>
    <message>
        <source>pbx.example.com or 192.168.1.10</source>
        <translation>pbx.example.com or 192.168.1.10</translation>
    </message>
    <message>
        <source>UCM address:</source>
        <translation>UCM address:</translation>
    </message>
    <message>
        <source>Web port:</source>
        <translation>Web port:</translation>
    </message>
    <message>
        <source>UCM user:</source>
        <translation>UCM user:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <source>Your extension:</source>
        <translation>Your extension:</translation>
    </message>
    <message>
        <source>Show the UCM's certificate</source>
        <translation>Show the UCM's certificate</translation>
    </message>
    <message>
        <source>Trust this certificate</source>
        <translation>Trust this certificate</translation>
    </message>
    <message>
        <source>Forget the pinned certificate</source>
        <translation>Forget the pinned certificate</translation>
    </message>
    <message>
        <source>Most UCMs use a certificate they made themselves. Compare its fingerprint with the one on the UCM's web page (or ask your administrator), then trust it.</source>
        <translation>Most UCMs use a certificate they made themselves. Compare its fingerprint with the one on the UCM's web page (or ask your administrator), then trust it.</translation>
    </message>
    <message>
        <source>Certificate:</source>
        <translation>Certificate:</translation>
    </message>
    <message>
        <source>Allow the older, weaker encryption of UCM62xx firmware</source>
        <translation>Allow the older, weaker encryption of UCM62xx firmware</translation>
    </message>
    <message>
        <source>Only for old UCMs the test cannot reach otherwise; newer UCMs never need it.</source>
        <translation>Only for old UCMs the test cannot reach otherwise; newer UCMs never need it.</translation>
    </message>
    <message>
        <source>Old UCM:</source>
        <translation>Old UCM:</translation>
    </message>
    <message>
        <source>Optional: a PEM file with your company's certificate authority, if it signed the UCM's certificate.</source>
        <translation>Optional: a PEM file with your company's certificate authority, if it signed the UCM's certificate.</translation>
    </message>
    <message>
        <source>CA file:</source>
        <translation>CA file:</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>Advanced</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <source>Log in to the UCM with these settings and ask for call events, as the app will</source>
        <translation>Log in to the UCM with these settings and ask for call events, as the app will</translation>
    </message>
    <message>
        <source>Enter the UCM's address, like pbx.example.com</source>
        <translation>Enter the UCM's address, like pbx.example.com</translation>
    </message>
    <message>
        <source>Enter the UCM user name this app logs in with</source>
        <translation>Enter the UCM user name this app logs in with</translation>
    </message>
    <message>
        <source>Enter the password of that UCM user</source>
        <translation>Enter the password of that UCM user</translation>
    </message>
    <message>
        <source>When my phone rings</source>
        <translation>When my phone rings</translation>
    </message>
    <message>
        <source>When I answer the call</source>
        <translation>When I answer the call</translation>
    </message>
    <message>
        <source>Also for calls from colleagues' extensions</source>
        <translation>Also for calls from colleagues' extensions</translation>
    </message>
    <message>
        <source>Also for calls I make ("Calling Jane Doe")</source>
        <translation>Also for calls I make ("Calling Jane Doe")</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>at once</source>
        <translation>at once</translation>
    </message>
    <message>
        <source>until I close it</source>
        <translation>until I close it</translation>
    </message>
    <message>
        <source>Start ucm-popup when I log in</source>
        <translation>Start ucm-popup when I log in</translation>
    </message>
    <message>
        <source>Show the popup:</source>
        <translation>Show the popup:</translation>
    </message>
    <message>
        <source>Internal calls:</source>
        <translation>Internal calls:</translation>
    </message>
    <message>
        <source>Outgoing calls:</source>
        <translation>Outgoing calls:</translation>
    </message>
    <message>
        <source>Close after a call:</source>
        <translation>Close after a call:</translation>
    </message>
    <message>
        <source>Missed-call card:</source>
        <translation>Missed-call card:</translation>
    </message>
    <message>
        <source>Screen:</source>
        <translation>Screen:</translation>
    </message>
    <message>
        <source>Corner:</source>
        <translation>Corner:</translation>
    </message>
    <message>
        <source>At login:</source>
        <translation>At login:</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Language:</translation>
    </message>
    <message>
        <source>The name or IP address of your Grandstream UCM phone system, as in your browser's address bar (without https://).</source>
        <translation>The name or IP address of your Grandstream UCM phone system, as in your browser's address bar (without https://).</translation>
    </message>
    <message>
        <source>The UCM's web (HTTPS) port: 8089 unless your administrator changed it.</source>
        <translation>The UCM's web (HTTPS) port: 8089 unless your administrator changed it.</translation>
    </message>
    <message>
        <source>A user of the UCM's web interface that may see call status; ask your administrator.</source>
        <translation>A user of the UCM's web interface that may see call status; ask your administrator.</translation>
    </message>
    <message>
        <source>That UCM user's password.</source>
        <translation>That UCM user's password.</translation>
    </message>
    <message>
        <source>Your own phone's extension number: calls that ring it pop up on this computer.</source>
        <translation>Your own phone's extension number: calls that ring it pop up on this computer.</translation>
    </message>
    <message>
        <source>Pinned (trusted), and the UCM presents this one:</source>
        <translation>Pinned (trusted), and the UCM presents this one:</translation>
    </message>
    <message>
        <source>Enter only the address, like pbx.example.com (no https://, no /)</source>
        <translation>Enter only the address, like pbx.example.com (no https://, no /)</translation>
    </message>
    <message>
        <source>No file there: choose an existing PEM file, or leave it empty</source>
        <translation>No file there: choose an existing PEM file, or leave it empty</translation>
    </message>
    <message>
        <source>Enter your extension number, like 1002</source>
        <translation>Enter your extension number, like 1002</translation>
    </message>
    <message>
        <source>An extension is a number, like 1002</source>
        <translation>An extension is a number, like 1002</translation>
    </message>
    <message>
        <source>unnamed</source>
        <translation>unnamed</translation>
    </message>
    <message>
        <source>Screen %1: %2 (%3 x %4)</source>
        <translation>Screen %1: %2 (%3 x %4)</translation>
    </message>
    <message>
        <source>, the main screen</source>
        <translation>, the main screen</translation>
    </message>
    <message>
        <source>Screen %1 (not connected now)</source>
        <translation>Screen %1 (not connected now)</translation>
    </message>
    <message>
        <source>Ringing shows who calls before you pick up; answering keeps the screen quiet until you take the call.</source>
        <translation>Ringing shows who calls before you pick up; answering keeps the screen quiet until you take the call.</translation>
    </message>
    <message>
        <source>Off: only calls from outside (customers) pop up.</source>
        <translation>Off: only calls from outside (customers) pop up.</translation>
    </message>
    <message>
        <source>On: a call you dial, from the phone or this computer, shows whom you call.</source>
        <translation>On: a call you dial, from the phone or this computer, shows whom you call.</translation>
    </message>
    <message>
        <source>How long the popup stays after a call you answered has ended.</source>
        <translation>How long the popup stays after a call you answered has ended.</translation>
    </message>
    <message>
        <source>How long a missed call's card stays; it also stays in the recent calls list.</source>
        <translation>How long a missed call's card stays; it also stays in the recent calls list.</translation>
    </message>
    <message>
        <source>The corner of that screen where popups appear.</source>
        <translation>The corner of that screen where popups appear.</translation>
    </message>
    <message>
        <source>The language of the popups, the tray menu and this dialog; it applies when you Save.</source>
        <translation>The language of the popups, the tray menu and this dialog; it applies when you Save.</translation>
    </message>
    <message>
        <source>The desktop's language (%1)</source>
        <translation>The desktop's language (%1)</translation>
    </message>
    <message>
        <source>Pinned (trusted):</source>
        <translation>Pinned (trusted):</translation>
    </message>
    <message>
        <source>None pinned: the UCM's certificate must be signed by an authority this computer trusts.</source>
        <translation>None pinned: the UCM's certificate must be signed by an authority this computer trusts.</translation>
    </message>
    <message>
        <source>The UCM presents:</source>
        <translation>The UCM presents:</translation>
    </message>
    <message>
        <source>An address has no spaces, like pbx.example.com or 192.168.1.10</source>
        <translation>An address has no spaces, like pbx.example.com or 192.168.1.10</translation>
    </message>
    <message>
        <source>Put the port in the Web port field, not after the address</source>
        <translation>Put the port in the Web port field, not after the address</translation>
    </message>
    <message>
        <source>This computer logs in to the UCM itself, with a UCM user and password.</source>
        <translation>This computer logs in to the UCM itself, with a UCM user and password.</translation>
    </message>
    <message>
        <source>Your administrator runs a site relay: this computer gets its calls through the company's message broker and needs no UCM password.</source>
        <translation>Your administrator runs a site relay: this computer gets its calls through the company's message broker and needs no UCM password.</translation>
    </message>
    <message>
        <source>Directly to the UCM</source>
        <translation>Directly to the UCM</translation>
    </message>
    <message>
        <source>Through the site relay</source>
        <translation>Through the site relay</translation>
    </message>
    <message>
        <source>Broker:</source>
        <translation>Broker:</translation>
    </message>
    <message>
        <source>Broker user:</source>
        <translation>Broker user:</translation>
    </message>
    <message>
        <source>Broker password:</source>
        <translation>Broker password:</translation>
    </message>
    <message>
        <source>Site prefix:</source>
        <translation>Site prefix:</translation>
    </message>
    <message>
        <source>Test the relay</source>
        <translation>Test the relay</translation>
    </message>
    <message>
        <source>Log in to the broker with these settings and read the relay's status</source>
        <translation>Log in to the broker with these settings and read the relay's status</translation>
    </message>
    <message>
        <source>Calls come:</source>
        <translation>Calls come:</translation>
    </message>
    <message>
        <source>Enter the broker's address, like mqtts://broker.example.com:8883</source>
        <translation>Enter the broker's address, like mqtts://broker.example.com:8883</translation>
    </message>
    <message>
        <source>Enter your broker user, usually your extension</source>
        <translation>Enter your broker user, usually your extension</translation>
    </message>
    <message>
        <source>Enter that broker user's password</source>
        <translation>Enter that broker user's password</translation>
    </message>
    <message>
        <source>Enter the site's prefix, like ucm-popup</source>
        <translation>Enter the site's prefix, like ucm-popup</translation>
    </message>
    <message>
        <source>The message broker's address, from your administrator (mqtts:// is encrypted).</source>
        <translation>The message broker's address, from your administrator (mqtts:// is encrypted).</translation>
    </message>
    <message>
        <source>Your broker user: usually your extension number.</source>
        <translation>Your broker user: usually your extension number.</translation>
    </message>
    <message>
        <source>That broker user's password.</source>
        <translation>That broker user's password.</translation>
    </message>
    <message>
        <source>The site's name on the broker; leave ucm-popup unless told otherwise.</source>
        <translation>The site's name on the broker; leave ucm-popup unless told otherwise.</translation>
    </message>
    <message>
        <source>Optional: a PEM file with the certificate authority that signed the broker's certificate.</source>
        <translation>Optional: a PEM file with the certificate authority that signed the broker's certificate.</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>Show what you typed</source>
        <translation>Show what you typed</translation>
    </message>
    <message>
        <source>cannot be saved on this computer</source>
        <translation>cannot be saved on this computer</translation>
    </message>
    <message>
        <source>Taken from the environment variable %1.</source>
        <translation>Taken from the environment variable %1.</translation>
    </message>
    <message>
        <source>No keyring on this computer, so this cannot be saved here: set the environment variable %1 instead.</source>
        <translation>No keyring on this computer, so this cannot be saved here: set the environment variable %1 instead.</translation>
    </message>
    <message>
        <source>set by the environment</source>
        <translation>set by the environment</translation>
    </message>
    <message>
        <source>Taken from the environment variable %1, which wins over the keyring. What you type here goes to the keyring.</source>
        <translation>Taken from the environment variable %1, which wins over the keyring. What you type here goes to the keyring.</translation>
    </message>
    <message>
        <source>New value: it replaces the one in the keyring when you Save.</source>
        <translation>New value: it replaces the one in the keyring when you Save.</translation>
    </message>
    <message>
        <source>•••••••• saved in the keyring; type to replace</source>
        <translation>•••••••• saved in the keyring; type to replace</translation>
    </message>
    <message>
        <source>Saved in the system keyring. Leave empty to keep it.</source>
        <translation>Saved in the system keyring. Leave empty to keep it.</translation>
    </message>
    <message>
        <source>Goes to the system keyring when you Save, never in the settings file.</source>
        <translation>Goes to the system keyring when you Save, never in the settings file.</translation>
    </message>
    <message>
        <source>Kept in the system keyring, never in the settings file.</source>
        <translation>Kept in the system keyring, never in the settings file.</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>ringing</source>
        <translation>ringing</translation>
    </message>
    <message>
        <source>on call</source>
        <translation>on call</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>missed</translation>
    </message>
    <message>
        <source>answered elsewhere</source>
        <translation>answered elsewhere</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>answered</translation>
    </message>
    <message>
        <source>not answered</source>
        <translation>not answered</translation>
    </message>
    <message>
        <source>CRM index: not synced yet</source>
        <translation>CRM index: not synced yet</translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message>
        <source>CRM index: %1, synced %2</source>
        <translation>CRM index: %1, synced %2</translation>
    </message>
    <message>
        <source>; sync failing: %1</source>
        <translation>; sync failing: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message>
        <source>just now</source>
        <translation>just now</translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <translation>
            <numerusform>%n h</numerusform>
            <numerusform>%n h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation>%1 ago</translation>
    </message>
    <message>
        <source>&amp;Menu</source>
        <translation>&amp;Menu</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Menu</translation>
    </message>
    <message>
        <source>This desktop has no system tray, so ucm-popup shows this window instead. Closing it quits ucm-popup.</source>
        <translation>This desktop has no system tray, so ucm-popup shows this window instead. Closing it quits ucm-popup.</translation>
    </message>
    <message>
        <source>&amp;Recent calls</source>
        <translation>&amp;Recent calls</translation>
    </message>
    <message>
        <source>&amp;Pause popups</source>
        <translation>&amp;Pause popups</translation>
    </message>
    <message>
        <source>Reset popup p&amp;osition</source>
        <translation>Reset popup p&amp;osition</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <source>&amp;About ucm-popup</source>
        <translation>&amp;About ucm-popup</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Call back</source>
        <translation>&amp;Call back</translation>
    </message>
    <message>
        <source>Number copied</source>
        <translation>Number copied</translation>
    </message>
    <message>
        <source>outgoing, %1</source>
        <translation>outgoing, %1</translation>
    </message>
    <message>
        <source>transferred to %1</source>
        <translation>transferred to %1</translation>
    </message>
    <message>
        <source>Writing to the CRM failed</source>
        <translation>Writing to the CRM failed</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n record</numerusform>
            <numerusform>%n records</numerusform>
        </translation>
    </message>
    <message>
        <source> (retry in %1)</source>
        <translation> (retry in %1)</translation>
    </message>
    <message>
        <source>&amp;Focus the latest popup</source>
        <translation>&amp;Focus the latest popup</translation>
    </message>
    <message>
        <source>&amp;Dial…</source>
        <translation>&amp;Dial…</translation>
    </message>
    <message>
        <source>Ring &amp;me (demo)</source>
        <translation>Ring &amp;me (demo)</translation>
    </message>
    <message>
        <source>No calls yet</source>
        <translation>No calls yet</translation>
    </message>
    <message>
        <source> (extension %1)</source>
        <translation> (extension %1)</translation>
    </message>
    <message>
        <source>Popups are paused</source>
        <translation>Popups are paused</translation>
    </message>
    <message>
        <source>%1 is on the clipboard</source>
        <translation>%1 is on the clipboard</translation>
    </message>
    <message numerus="yes">
        <source>%n call(s) waiting to be written</source>
        <translation>
            <numerusform>%n call waiting to be written</numerusform>
            <numerusform>%n calls waiting to be written</numerusform>
        </translation>
    </message>
    <message>
        <source>Zoho requires the field %1: ask your Zoho admin to make it optional or give it a default</source>
        <translation>Zoho requires the field %1: ask your Zoho admin to make it optional or give it a default</translation>
    </message>
    <message>
        <source>Open the record in the CRM</source>
        <translation>Open the record in the CRM</translation>
    </message>
    <message>
        <source>Copy the number</source>
        <translation>Copy the number</translation>
    </message>
    <message>
        <source>Site relay %1 is active</source>
        <translation>Site relay %1 is active</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>Last error: %1</translation>
    </message>
</context>
</TS>
