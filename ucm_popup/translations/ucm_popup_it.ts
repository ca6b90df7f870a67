<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="it">
<context>
    <name>App</name>
    <message>
        <source>About ucm-popup</source>
        <translation>Informazioni su ucm-popup</translation>
    </message>
    <message>
        <source>ucm-popup is already running</source>
        <translation>ucm-popup è già in esecuzione</translation>
    </message>
    <message>
        <source>run with -v for details</source>
        <translation>avviare con -v per i dettagli</translation>
    </message>
    <message>
        <source>ucm-popup hit an error</source>
        <translation>ucm-popup ha riscontrato un errore</translation>
    </message>
    <message>
        <source>Could not open the browser</source>
        <translation>Impossibile aprire il browser</translation>
    </message>
    <message>
        <source>Dialling %1</source>
        <translation>Chiamata a %1 in corso</translation>
    </message>
    <message>
        <source>Pick up your phone (extension %1) when it rings</source>
        <translation>Risponda al telefono (interno %1) quando squilla</translation>
    </message>
    <message>
        <source>Demo mode</source>
        <translation>Modalità demo</translation>
    </message>
    <message>
        <source>The demo runs on built-in settings; start ucm-popup without --demo to set up your own UCM and CRM.</source>
        <translation>La demo usa impostazioni integrate; avvii ucm-popup senza --demo per configurare il suo UCM e il suo CRM.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Impostazioni</translation>
    </message>
    <message>
        <source>details in %1</source>
        <translation>dettagli in %1</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>non impostato</translation>
    </message>
    <message>
        <source>Settings: %1</source>
        <translation>Impostazioni: %1</translation>
    </message>
    <message>
        <source>Log: %1</source>
        <translation>Registro: %1</translation>
    </message>
    <message>
        <source>Caller popups with Zoho CRM records for Grandstream UCM extensions.</source>
        <translation>Schede chiamante con i record di Zoho CRM per gli interni Grandstream UCM.</translation>
    </message>
    <message>
        <source>Open source (MIT licence).</source>
        <translation>Open source (licenza MIT).</translation>
    </message>
    <message>
        <source>Could not dial</source>
        <translation>Impossibile comporre il numero</translation>
    </message>
    <message>
        <source>Edit %1 and restart ucm-popup</source>
        <translation>Modifichi %1 e riavvii ucm-popup</translation>
    </message>
</context>
<context>
    <name>DialBox</name>
    <message>
        <source>Dial — ucm-popup</source>
        <translation>Componi — ucm-popup</translation>
    </message>
    <message>
        <source>Number to call</source>
        <translation>Numero da chiamare</translation>
    </message>
    <message>
        <source>Your phone rings first; pick it up and the UCM calls the number</source>
        <translation>Prima squilla il suo telefono; risponda e l'UCM chiamerà il numero</translation>
    </message>
    <message>
        <source>What will be dialled</source>
        <translation>Cosa verrà composto</translation>
    </message>
    <message>
        <source>&amp;Dial</source>
        <translation>&amp;Chiama</translation>
    </message>
    <message>
        <source>Dialling…</source>
        <translation>Chiamata in corso…</translation>
    </message>
    <message>
        <source>Number to call. Your phone (extension %1) rings first; pick it up and the UCM calls the number.</source>
        <translation>Numero da chiamare. Prima squilla il suo telefono (interno %1); risponda e l'UCM chiamerà il numero.</translation>
    </message>
    <message>
        <source>The UCM will dial %1</source>
        <translation>L'UCM comporrà %1</translation>
    </message>
</context>
<context>
    <name>TrayState</name>
    <message>
        <source>Connected</source>
        <translation>Connesso</translation>
    </message>
    <message>
        <source>Connecting to the UCM…</source>
        <translation>Connessione all'UCM…</translation>
    </message>
    <message>
        <source>Reconnecting to the UCM…</source>
        <translation>Riconnessione all'UCM…</translation>
    </message>
    <message>
        <source>UCM login refused</source>
        <translation>Accesso all'UCM rifiutato</translation>
    </message>
    <message>
        <source>Cannot use the UCM</source>
        <translation>Impossibile usare l'UCM</translation>
    </message>
    <message>
        <source>CRM lookups failing</source>
        <translation>Ricerche nel CRM non riuscite</translation>
    </message>
    <message>
        <source>Popups paused</source>
        <translation>Schede sospese</translation>
    </message>
    <message>
        <source>Not configured</source>
        <translation>Non configurato</translation>
    </message>
    <message>
        <source>Site relay offline</source>
        <translation>Relay della sede non in linea</translation>
    </message>
    <message>
        <source>The site relay lost the UCM</source>
        <translation>Il relay della sede ha perso l'UCM</translation>
    </message>
</context>
<context>
    <name>Popup</name>
    <message>
        <source>Contact</source>
        <translation>Contatto</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>Lead</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Azienda</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Chiudi</translation>
    </message>
    <message>
        <source>Note for the CRM (saved with the call)</source>
        <translation>Nota per il CRM (salvata con la chiamata)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Note saved to the CRM</source>
        <translation>Nota salvata nel CRM</translation>
    </message>
    <message>
        <source>Looking up in the CRM…</source>
        <translation>Ricerca nel CRM…</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Chiama</translation>
    </message>
    <message>
        <source>Ring my phone, then call this number</source>
        <translation>Fai squillare il mio telefono, poi chiama questo numero</translation>
    </message>
    <message>
        <source>Unknown caller</source>
        <translation>Chiamante sconosciuto</translation>
    </message>
    <message>
        <source>%1 — Missed call — ucm-popup</source>
        <translation>%1 — Chiamata persa — ucm-popup</translation>
    </message>
    <message>
        <source>%1 — Call — ucm-popup</source>
        <translation>%1 — Chiamata — ucm-popup</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Referente</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefono</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>Cellulare</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Linea</translation>
    </message>
    <message>
        <source>Open in CRM</source>
        <translation>Apri nel CRM</translation>
    </message>
    <message>
        <source>Create contact</source>
        <translation>Crea contatto</translation>
    </message>
    <message>
        <source>Create lead</source>
        <translation>Crea lead</translation>
    </message>
    <message>
        <source>Call back</source>
        <translation>Richiama</translation>
    </message>
    <message>
        <source>Save note</source>
        <translation>Salva nota</translation>
    </message>
    <message>
        <source>Close this popup (Escape)</source>
        <translation>Chiudi questa scheda (Esc)</translation>
    </message>
    <message>
        <source>Matching records</source>
        <translation>Record corrispondenti</translation>
    </message>
    <message>
        <source>Several CRM records have this number: pick one</source>
        <translation>Più record del CRM hanno questo numero: ne scelga uno</translation>
    </message>
    <message>
        <source>Call the phone number</source>
        <translation>Chiama il numero di telefono</translation>
    </message>
    <message>
        <source>Call the mobile number</source>
        <translation>Chiama il cellulare</translation>
    </message>
    <message>
        <source>Note for the CRM</source>
        <translation>Nota per il CRM</translation>
    </message>
    <message>
        <source>Save the note with the call in the CRM</source>
        <translation>Salva la nota con la chiamata nel CRM</translation>
    </message>
    <message>
        <source>Open the caller's record in the CRM in the browser</source>
        <translation>Apri il record del chiamante nel CRM, nel browser</translation>
    </message>
    <message>
        <source>Create a contact for this number in the CRM</source>
        <translation>Crea un contatto per questo numero nel CRM</translation>
    </message>
    <message>
        <source>Create a lead for this number in the CRM</source>
        <translation>Crea un lead per questo numero nel CRM</translation>
    </message>
    <message>
        <source>Ring my phone, then call the caller back</source>
        <translation>Fai squillare il mio telefono, poi richiama il chiamante</translation>
    </message>
    <message>
        <source>Call status</source>
        <translation>Stato della chiamata</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>Chiamante</translation>
    </message>
    <message>
        <source>Internal call</source>
        <translation>Chiamata interna</translation>
    </message>
    <message>
        <source>Incoming call</source>
        <translation>Chiamata in arrivo</translation>
    </message>
    <message>
        <source>Transferred call</source>
        <translation>Chiamata trasferita</translation>
    </message>
    <message>
        <source>Calling %1</source>
        <translation>Chiamata a %1</translation>
    </message>
    <message>
        <source>⚠ CRM lookup failed: %1</source>
        <translation>⚠ Ricerca nel CRM non riuscita: %1</translation>
    </message>
    <message>
        <source>Transferred to %1</source>
        <translation>Trasferita a %1</translation>
    </message>
    <message>
        <source>Not answered</source>
        <translation>Nessuna risposta</translation>
    </message>
    <message>
        <source>On call · %1</source>
        <translation>In linea · %1</translation>
    </message>
    <message>
        <source>No match in the CRM for this number</source>
        <translation>Nessun record nel CRM per questo numero</translation>
    </message>
    <message>
        <source>Answered on another extension</source>
        <translation>Risposta da un altro interno</translation>
    </message>
    <message>
        <source>transferred by %1</source>
        <translation>trasferita da %1</translation>
    </message>
    <message>
        <source>queue %1</source>
        <translation>coda %1</translation>
    </message>
    <message>
        <source>Call ended · %1</source>
        <translation>Chiamata terminata · %1</translation>
    </message>
    <message>
        <source>Missed call · %1</source>
        <translation>Chiamata persa · %1</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Zoho's v1 API is read-only here (Zoho ended v1 writes in 2019): calls are written and callers added with Zoho CRM (v2) only.</source>
        <translation>L'API v1 di Zoho qui è di sola lettura (Zoho ha chiuso le scritture v1 nel 2019): chiamate e chiamanti si registrano solo con Zoho CRM (v2).</translation>
    </message>
    <message>
        <source>United States (zoho.com)</source>
        <translation>Stati Uniti (zoho.com)</translation>
    </message>
    <message>
        <source>Europe (zoho.eu)</source>
        <translation>Europa (zoho.eu)</translation>
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
        <translation>Cina (zoho.com.cn)</translation>
    </message>
    <message>
        <source>Japan (zoho.jp)</source>
        <translation>Giappone (zoho.jp)</translation>
    </message>
    <message>
        <source>Canada (zohocloud.ca)</source>
        <translation>Canada (zohocloud.ca)</translation>
    </message>
    <message>
        <source>Saudi Arabia (zoho.sa)</source>
        <translation>Arabia Saudita (zoho.sa)</translation>
    </message>
    <message>
        <source>None: show only the number and name the UCM gives</source>
        <translation>Nessuno: mostra solo numero e nome forniti dall'UCM</translation>
    </message>
    <message>
        <source>Zoho CRM, old v1 API (legacy, end of life)</source>
        <translation>Zoho CRM, vecchia API v1 (obsoleta, dismessa)</translation>
    </message>
    <message>
        <source>Don't add them</source>
        <translation>Non aggiungerli</translation>
    </message>
    <message>
        <source>as a new Lead</source>
        <translation>come nuovo lead</translation>
    </message>
    <message>
        <source>as a new Contact</source>
        <translation>come nuovo contatto</translation>
    </message>
    <message>
        <source>Use https:// (plain http:// is only allowed for this computer's own address)</source>
        <translation>Usi https:// (http:// è consentito solo per l'indirizzo di questo computer)</translation>
    </message>
    <message>
        <source>Enter a full address starting with https://, like %1</source>
        <translation>Inserisca un indirizzo completo che inizi con https://, ad esempio %1</translation>
    </message>
    <message>
        <source>Enter the address, like %1</source>
        <translation>Inserisca l'indirizzo, ad esempio %1</translation>
    </message>
    <message>
        <source>CRM:</source>
        <translation>CRM:</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Su</translation>
    </message>
    <message>
        <source>Search this module earlier</source>
        <translation>Cerca prima in questo modulo</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Giù</translation>
    </message>
    <message>
        <source>Search this module later</source>
        <translation>Cerca dopo in questo modulo</translation>
    </message>
    <message>
        <source>Where to look for the caller, top first. Tick the record types your team keeps phone numbers in.</source>
        <translation>Dove cercare il chiamante, dall'alto. Spunti i tipi di record in cui il team tiene i numeri.</translation>
    </message>
    <message>
        <source>Your country: numbers the UCM gives without a country code are read as this country's.</source>
        <translation>Il suo paese: i numeri senza prefisso internazionale forniti dall'UCM sono letti come di questo paese.</translation>
    </message>
    <message>
        <source>Search in:</source>
        <translation>Cerca in:</translation>
    </message>
    <message>
        <source>Country:</source>
        <translation>Paese:</translation>
    </message>
    <message>
        <source>a customer's phone number, like +33 6 12 34 56 78</source>
        <translation>il numero di un cliente, ad es. +39 312 345 6789</translation>
    </message>
    <message>
        <source>Test lookup</source>
        <translation>Prova la ricerca</translation>
    </message>
    <message>
        <source>Look this number up in the CRM with these settings</source>
        <translation>Cerca questo numero nel CRM con queste impostazioni</translation>
    </message>
    <message>
        <source>Type a number you know is in the CRM, then Test lookup.</source>
        <translation>Digiti un numero che sa essere nel CRM, poi Prova la ricerca.</translation>
    </message>
    <message>
        <source>Try a number:</source>
        <translation>Prova un numero:</translation>
    </message>
    <message>
        <source>Log every call of my extension in Zoho CRM (Calls)</source>
        <translation>Registra ogni chiamata del mio interno in Zoho CRM (Chiamate)</translation>
    </message>
    <message>
        <source>Answered, outgoing and missed calls appear in Zoho's call reports, with your note.</source>
        <translation>Le chiamate risposte, in uscita e perse compaiono nei report chiamate di Zoho, con la sua nota.</translation>
    </message>
    <message>
        <source>A caller the CRM does not know becomes a record, shown in the popup.</source>
        <translation>Un chiamante sconosciuto al CRM diventa un record, mostrato nella scheda.</translation>
    </message>
    <message>
        <source>Write calls:</source>
        <translation>Registra chiamate:</translation>
    </message>
    <message>
        <source>Unknown callers:</source>
        <translation>Chiamanti sconosciuti:</translation>
    </message>
    <message>
        <source>Other: the addresses under Advanced</source>
        <translation>Altro: gli indirizzi in Avanzate</translation>
    </message>
    <message>
        <source>Where your Zoho account lives: the end of the address you log in at, e.g. crm.zoho.eu is Europe.</source>
        <translation>Dove si trova il suo account Zoho: la fine dell'indirizzo con cui accede, ad es. crm.zoho.eu è l'Europa.</translation>
    </message>
    <message>
        <source>Zoho's API address for this data centre.</source>
        <translation>L'indirizzo API di Zoho per questo data center.</translation>
    </message>
    <message>
        <source>Zoho's sign-in (OAuth) server for this data centre.</source>
        <translation>Il server di accesso (OAuth) di Zoho per questo data center.</translation>
    </message>
    <message>
        <source>Where "Open in CRM" opens records.</source>
        <translation>Dove «Apri nel CRM» apre i record.</translation>
    </message>
    <message>
        <source>API:</source>
        <translation>API:</translation>
    </message>
    <message>
        <source>Accounts:</source>
        <translation>Account:</translation>
    </message>
    <message>
        <source>Web:</source>
        <translation>Web:</translation>
    </message>
    <message>
        <source>Advanced: the data centre's addresses</source>
        <translation>Avanzate: gli indirizzi del data center</translation>
    </message>
    <message>
        <source>From your Self Client in the Zoho API console (steps below); it starts with 1000.</source>
        <translation>Dal suo Self Client nella console API di Zoho (passi sotto); inizia con 1000.</translation>
    </message>
    <message>
        <source>Shown next to the Client ID in the Zoho API console.</source>
        <translation>Mostrato accanto al Client ID nella console API di Zoho.</translation>
    </message>
    <message>
        <source>Lets this app read the CRM without your Zoho password. Get one below.</source>
        <translation>Permette all'app di leggere il CRM senza la sua password Zoho. Lo ottenga qui sotto.</translation>
    </message>
    <message>
        <source>Data centre:</source>
        <translation>Data center:</translation>
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
        <translation>Token di aggiornamento:</translation>
    </message>
    <message>
        <source>Get refresh token</source>
        <translation>Ottieni token di aggiornamento</translation>
    </message>
    <message>
        <source>The permissions this app needs: reading, and writing calls if you chose to</source>
        <translation>I permessi di cui l'app ha bisogno: lettura e, se scelto, scrittura delle chiamate</translation>
    </message>
    <message>
        <source>Scopes</source>
        <translation>Scope</translation>
    </message>
    <message>
        <source>Copy scopes</source>
        <translation>Copia scope</translation>
    </message>
    <message>
        <source>paste the code here, like 1000.a1b2c3…</source>
        <translation>incolli qui il codice, ad es. 1000.a1b2c3…</translation>
    </message>
    <message>
        <source>The code Zoho shows after Create; it works once, for a few minutes</source>
        <translation>Il codice che Zoho mostra dopo Create; vale una volta, per pochi minuti</translation>
    </message>
    <message>
        <source>Code from Zoho</source>
        <translation>Codice di Zoho</translation>
    </message>
    <message>
        <source>Add Client → &lt;b&gt;Self Client&lt;/b&gt; → Create (once). Copy its Client ID and Client Secret into the fields above.</source>
        <translation>Add Client → &lt;b&gt;Self Client&lt;/b&gt; → Create (una volta). Copi Client ID e Client Secret nei campi sopra.</translation>
    </message>
    <message>
        <source>On the &lt;b&gt;Generate Code&lt;/b&gt; tab, paste the scopes below, pick 10 minutes, type any description and press Create (choose your CRM organisation if asked).</source>
        <translation>Nella scheda &lt;b&gt;Generate Code&lt;/b&gt;, incolli gli scope qui sotto, scelga 10 minuti, scriva una descrizione qualsiasi e prema Create (scelga l'organizzazione CRM se richiesto).</translation>
    </message>
    <message>
        <source>Copy the code Zoho shows, paste it here and press &lt;b&gt;Get refresh token&lt;/b&gt;.</source>
        <translation>Copi il codice mostrato da Zoho, lo incolli qui e prema &lt;b&gt;Ottieni token di aggiornamento&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>Legacy: Zoho has retired the v1 API and its auth tokens (end of life). Use it only if your CRM still accepts them; otherwise choose Zoho CRM above.</source>
        <translation>Obsoleto: Zoho ha dismesso l'API v1 e i suoi token di autenticazione. La usi solo se il suo CRM li accetta ancora; altrimenti scelga Zoho CRM sopra.</translation>
    </message>
    <message>
        <source>CRM server address: https://crm.zoho.com, .eu, .in, .com.au or .com.cn, as in your browser.</source>
        <translation>Indirizzo del server CRM: https://crm.zoho.com, .eu, .in, .com.au o .com.cn, come nel browser.</translation>
    </message>
    <message>
        <source>The v1 auth token from Zoho CRM's settings (a long hexadecimal string).</source>
        <translation>Il token di autenticazione v1 dalle impostazioni di Zoho CRM (una lunga stringa esadecimale).</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Server:</translation>
    </message>
    <message>
        <source>Auth token:</source>
        <translation>Token di autenticazione:</translation>
    </message>
    <message>
        <source>Tick at least one module to search</source>
        <translation>Spunti almeno un modulo in cui cercare</translation>
    </message>
    <message>
        <source>Some of the data centre's addresses are wrong: see Advanced</source>
        <translation>Alcuni indirizzi del data center sono errati: veda Avanzate</translation>
    </message>
    <message>
        <source>Paste the Client ID of your Self Client (it starts with 1000.)</source>
        <translation>Incolli il Client ID del suo Self Client (inizia con 1000.)</translation>
    </message>
    <message>
        <source>Paste the Client Secret shown next to the Client ID</source>
        <translation>Incolli il Client Secret mostrato accanto al Client ID</translation>
    </message>
    <message>
        <source>Get a refresh token with the steps below</source>
        <translation>Ottenga un token di aggiornamento con i passi qui sotto</translation>
    </message>
    <message>
        <source>The CRM where the popup looks the caller up; choose None if you use none.</source>
        <translation>Il CRM in cui la scheda cerca il chiamante; scelga Nessuno se non ne usa.</translation>
    </message>
    <message>
        <source>Popups show the caller's number and the name the UCM gives, with no CRM lookup.</source>
        <translation>Le schede mostrano il numero del chiamante e il nome fornito dall'UCM, senza ricerca nel CRM.</translation>
    </message>
    <message>
        <source>Open the Zoho API console, &lt;a href='%1'&gt;%2&lt;/a&gt;, and sign in with your Zoho CRM account.</source>
        <translation>Apra la console API di Zoho, &lt;a href='%1'&gt;%2&lt;/a&gt;, e acceda con il suo account Zoho CRM.</translation>
    </message>
    <message>
        <source>Enter the v1 auth token</source>
        <translation>Inserisca il token di autenticazione v1</translation>
    </message>
    <message>
        <source>A client ID has no spaces: copy it again from the API console</source>
        <translation>Un Client ID non contiene spazi: lo copi di nuovo dalla console API</translation>
    </message>
    <message>
        <source>The refresh token just received lacks %1: generate a new code with the scopes under Get refresh token.</source>
        <translation>Al token di aggiornamento appena ricevuto manca %1: generi un nuovo codice con gli scope sotto Ottieni token di aggiornamento.</translation>
    </message>
    <message>
        <source>Writing needs more permissions than reading: generate the refresh token's code with the scopes under Get refresh token (they include them).</source>
        <translation>Scrivere richiede più permessi che leggere: generi il codice del token con gli scope sotto Ottieni token di aggiornamento (li includono).</translation>
    </message>
    <message>
        <source>Zoho refused this app's writes: the refresh token lacks %1. Generate a new code with the scopes under Get refresh token.</source>
        <translation>Zoho ha rifiutato le scritture dell'app: al token di aggiornamento manca %1. Generi un nuovo codice con gli scope sotto Ottieni token di aggiornamento.</translation>
    </message>
    <message>
        <source>Click-to-dial (optional): dial from the popup, the tray, the clipboard and tel: links</source>
        <translation>Chiamata con un clic (facoltativa): chiamare dalla scheda, dall'area di notifica, dagli appunti e dai link tel:</translation>
    </message>
    <message>
        <source>Test dialling</source>
        <translation>Prova la chiamata</translation>
    </message>
    <message>
        <source>Log in as the API user, as dialling will (nothing is dialled)</source>
        <translation>Accede come utente API, come farà la chiamata (non viene composto nulla)</translation>
    </message>
    <message>
        <source>API user:</source>
        <translation>Utente API:</translation>
    </message>
    <message>
        <source>API password:</source>
        <translation>Password API:</translation>
    </message>
    <message>
        <source>Outside prefix:</source>
        <translation>Prefisso per esterna:</translation>
    </message>
    <message>
        <source>International prefix:</source>
        <translation>Prefisso internazionale:</translation>
    </message>
    <message>
        <source>Enter the API user whose password this is</source>
        <translation>Inserisca l'utente API a cui appartiene questa password</translation>
    </message>
    <message>
        <source>The UCM's HTTPS-API user (UCM: Value-added Features, API Configuration), not the web user above. Leave empty not to dial from this computer.</source>
        <translation>L'utente dell'API HTTPS dell'UCM (UCM: Value-added Features, API Configuration), non l'utente web sopra. Lasci vuoto per non chiamare da questo computer.</translation>
    </message>
    <message>
        <source>That API user's password.</source>
        <translation>La password di quell'utente API.</translation>
    </message>
    <message>
        <source>Digits your UCM's outbound routes need before an outside number, like 0 or 9; often none.</source>
        <translation>Cifre che le rotte in uscita del suo UCM richiedono prima di un numero esterno, come 0 o 9; spesso nessuna.</translation>
    </message>
    <message>
        <source>How numbers of other countries are dialled from your country: 00 in most of the world, 011 from the US and Canada.</source>
        <translation>Come si chiamano i numeri di altri paesi dal suo: 00 quasi ovunque, 011 da Stati Uniti e Canada.</translation>
    </message>
    <message>
        <source>Make UCM Popup the handler for phone links</source>
        <translation>Usa UCM Popup per i link telefonici</translation>
    </message>
    <message>
        <source>tel: and callto: links in Safari, Mail and other apps will dial through your UCM instead of FaceTime</source>
        <translation>I link tel: e callto: in Safari, Mail e nelle altre app chiameranno tramite il tuo UCM invece di FaceTime</translation>
    </message>
    <message>
        <source>tel: and callto: links now open UCM Popup</source>
        <translation>I link tel: e callto: ora aprono UCM Popup</translation>
    </message>
    <message>
        <source>Only digits, like 0 or 00</source>
        <translation>Solo cifre, come 0 o 00</translation>
    </message>
    <message>
        <source>PBX</source>
        <translation>Centralino</translation>
    </message>
    <message>
        <source>CRM</source>
        <translation>CRM</translation>
    </message>
    <message>
        <source>Popup</source>
        <translation>Scheda</translation>
    </message>
    <message>
        <source>ucm-popup settings</source>
        <translation>Impostazioni di ucm-popup</translation>
    </message>
    <message>
        <source>Welcome to ucm-popup. Fill in the PBX page so that calls to your extension pop up, and the CRM page to see who is calling. Each page has a Test button; nothing is kept until you press Save.</source>
        <translation>Benvenuto in ucm-popup. Compili la pagina Centralino perché compaiano le chiamate al suo interno, e la pagina CRM per vedere chi chiama. Ogni pagina ha un pulsante Prova; nulla viene salvato finché non preme Salva.</translation>
    </message>
    <message>
        <source>Reading the keyring…</source>
        <translation>Lettura del portachiavi…</translation>
    </message>
    <message>
        <source>Asking Zoho for a refresh token…</source>
        <translation>Richiesta a Zoho di un token di aggiornamento…</translation>
    </message>
    <message>
        <source>Settings file: %1</source>
        <translation>File delle impostazioni: %1</translation>
    </message>
    <message>
        <source>Needs a keyring to keep the refresh token</source>
        <translation>Serve un portachiavi per conservare il token di aggiornamento</translation>
    </message>
    <message>
        <source>Fix the fields marked in red before saving (%1).</source>
        <translation>Correggere i campi segnati in rosso prima di salvare (%1).</translation>
    </message>
    <message>
        <source>Testing: logging in to %1:%2 as %3</source>
        <translation>Prova: accesso a %1:%2 come %3</translation>
    </message>
    <message>
        <source>Fill in the fields marked in red first.</source>
        <translation>Compili prima i campi segnati in rosso.</translation>
    </message>
    <message>
        <source>Testing: logging in to %1:%2…</source>
        <translation>Prova: accesso a %1:%2…</translation>
    </message>
    <message>
        <source>Testing: logging in to %1…</source>
        <translation>Prova: accesso a %1…</translation>
    </message>
    <message>
        <source>Enter the UCM's address first.</source>
        <translation>Inserisca prima l'indirizzo dell'UCM.</translation>
    </message>
    <message>
        <source>Type a phone number to look up first.</source>
        <translation>Digiti prima un numero da cercare.</translation>
    </message>
    <message>
        <source>Looking up %1…</source>
        <translation>Ricerca di %1…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Salvataggio…</translation>
    </message>
    <message>
        <source>First paste %1.</source>
        <translation>Incolli prima %1.</translation>
    </message>
    <message>
        <source>The settings file %1 is not valid TOML: %2. Save keeps a copy of it beside the new file (.unreadable).</source>
        <translation>Il file delle impostazioni %1 non è TOML valido: %2. Salva ne conserva una copia accanto al nuovo file (.unreadable).</translation>
    </message>
    <message>
        <source>Passwords and tokens cannot be saved: %1. ucm-popup never writes them to a plain file; environment variables still work.</source>
        <translation>Impossibile salvare password e token: %1. ucm-popup non li scrive mai in un file semplice; le variabili d'ambiente funzionano comunque.</translation>
    </message>
    <message>
        <source>%1 (%2 to fix)</source>
        <translation>%1 (%2 da correggere)</translation>
    </message>
    <message>
        <source>the Client ID</source>
        <translation>il Client ID</translation>
    </message>
    <message>
        <source>the Client Secret</source>
        <translation>il Client Secret</translation>
    </message>
    <message>
        <source>the code</source>
        <translation>il codice</translation>
    </message>
    <message>
        <source>About the settings file %1:</source>
        <translation>Sul file delle impostazioni %1:</translation>
    </message>
    <message>
        <source>Nothing was saved: %1.</source>
        <translation>Non è stato salvato nulla: %1.</translation>
    </message>
    <message>
        <source>Could not write %1: %2.</source>
        <translation>Impossibile scrivere %1: %2.</translation>
    </message>
    <message>
        <source>Settings saved, but starting at login could not be turned on: %1%2.</source>
        <translation>Impostazioni salvate, ma l'avvio all'accesso non è stato attivato: %1%2.</translation>
    </message>
    <message>
        <source>Settings saved, but starting at login could not be turned off: %1%2.</source>
        <translation>Impostazioni salvate, ma l'avvio all'accesso non è stato disattivato: %1%2.</translation>
    </message>
    <message>
        <source>Where popups appear when you have several screens.</source>
        <translation>Dove compaiono le schede se ha più schermi.</translation>
    </message>
    <message>
        <source>Top left</source>
        <translation>In alto a sinistra</translation>
    </message>
    <message>
        <source>Top right</source>
        <translation>In alto a destra</translation>
    </message>
    <message>
        <source>Bottom left</source>
        <translation>In basso a sinistra</translation>
    </message>
    <message>
        <source>Bottom right</source>
        <translation>In basso a destra</translation>
    </message>
    <message>
        <source>Adds ucm-popup to the programs Windows starts when you sign in (for you only).</source>
        <translation>Aggiunge ucm-popup ai programmi che Windows avvia all'accesso (solo per lei).</translation>
    </message>
    <message>
        <source>Adds ucm-popup to the programs macOS opens when you log in (for you only).</source>
        <translation>Aggiunge ucm-popup ai programmi che macOS apre all'accesso (solo per lei).</translation>
    </message>
    <message>
        <source>Adds an entry to your desktop's startup programs (%1); turning it off removes it.</source>
        <translation>Aggiunge una voce ai programmi di avvio del desktop (%1); disattivarla la rimuove.</translation>
    </message>
    <message>
        <source>pbx.example.com or 192.168.1.10</source>
        <translation>pbx.example.com o 192.168.1.10</translation>
    </message>
    <message>
        <source>UCM address:</source>
        <translation>Indirizzo UCM:</translation>
    </message>
    <message>
        <source>Web port:</source>
        <translation>Porta web:</translation>
    </message>
    <message>
        <source>UCM user:</source>
        <translation>Utente UCM:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <source>Your extension:</source>
        <translation>Il suo interno:</translation>
    </message>
    <message>
        <source>Show the UCM's certificate</source>
        <translation>Mostra il certificato dell'UCM</translation>
    </message>
    <message>
        <source>Trust this certificate</source>
        <translation>Considera attendibile questo certificato</translation>
    </message>
    <message>
        <source>Forget the pinned certificate</source>
        <translation>Dimentica il certificato fissato</translation>
    </message>
    <message>
        <source>Most UCMs use a certificate they made themselves. Compare its fingerprint with the one on the UCM's web page (or ask your administrator), then trust it.</source>
        <translation>La maggior parte degli UCM usa un certificato creato da sé. Confronti l'impronta con quella nella pagina web dell'UCM (o chieda all'amministratore), poi lo consideri attendibile.</translation>
    </message>
    <message>
        <source>Certificate:</source>
        <translation>Certificato:</translation>
    </message>
    <message>
        <source>Allow the older, weaker encryption of UCM62xx firmware</source>
        <translation>Consenti la crittografia più vecchia e debole del firmware UCM62xx</translation>
    </message>
    <message>
        <source>Only for old UCMs the test cannot reach otherwise; newer UCMs never need it.</source>
        <translation>Solo per vecchi UCM che il test non raggiunge altrimenti; gli UCM recenti non ne hanno mai bisogno.</translation>
    </message>
    <message>
        <source>Old UCM:</source>
        <translation>UCM vecchio:</translation>
    </message>
    <message>
        <source>Optional: a PEM file with your company's certificate authority, if it signed the UCM's certificate.</source>
        <translation>Facoltativo: un file PEM con l'autorità di certificazione dell'azienda, se ha firmato il certificato dell'UCM.</translation>
    </message>
    <message>
        <source>CA file:</source>
        <translation>File CA:</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>Avanzate</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Prova la connessione</translation>
    </message>
    <message>
        <source>Log in to the UCM with these settings and ask for call events, as the app will</source>
        <translation>Accede all'UCM con queste impostazioni e chiede gli eventi di chiamata, come farà l'app</translation>
    </message>
    <message>
        <source>Enter the UCM's address, like pbx.example.com</source>
        <translation>Inserisca l'indirizzo dell'UCM, ad esempio pbx.example.com</translation>
    </message>
    <message>
        <source>Enter the UCM user name this app logs in with</source>
        <translation>Inserisca il nome utente UCM con cui accede l'app</translation>
    </message>
    <message>
        <source>Enter the password of that UCM user</source>
        <translation>Inserisca la password di quell'utente UCM</translation>
    </message>
    <message>
        <source>When my phone rings</source>
        <translation>Quando squilla il mio telefono</translation>
    </message>
    <message>
        <source>When I answer the call</source>
        <translation>Quando rispondo alla chiamata</translation>
    </message>
    <message>
        <source>Also for calls from colleagues' extensions</source>
        <translation>Anche per le chiamate dagli interni dei colleghi</translation>
    </message>
    <message>
        <source>Also for calls I make ("Calling Jane Doe")</source>
        <translation>Anche per le chiamate che faccio («Chiamata a Maria Rossi»)</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>at once</source>
        <translation>subito</translation>
    </message>
    <message>
        <source>until I close it</source>
        <translation>finché non la chiudo</translation>
    </message>
    <message>
        <source>Start ucm-popup when I log in</source>
        <translation>Avvia ucm-popup quando accedo</translation>
    </message>
    <message>
        <source>Show the popup:</source>
        <translation>Mostra la scheda:</translation>
    </message>
    <message>
        <source>Internal calls:</source>
        <translation>Chiamate interne:</translation>
    </message>
    <message>
        <source>Outgoing calls:</source>
        <translation>Chiamate in uscita:</translation>
    </message>
    <message>
        <source>Close after a call:</source>
        <translation>Chiudi dopo una chiamata:</translation>
    </message>
    <message>
        <source>Missed-call card:</source>
        <translation>Scheda chiamata persa:</translation>
    </message>
    <message>
        <source>Screen:</source>
        <translation>Schermo:</translation>
    </message>
    <message>
        <source>Corner:</source>
        <translation>Angolo:</translation>
    </message>
    <message>
        <source>At login:</source>
        <translation>All'accesso:</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Lingua:</translation>
    </message>
    <message>
        <source>The name or IP address of your Grandstream UCM phone system, as in your browser's address bar (without https://).</source>
        <translation>Il nome o l'indirizzo IP del suo centralino Grandstream UCM, come nella barra degli indirizzi del browser (senza https://).</translation>
    </message>
    <message>
        <source>The UCM's web (HTTPS) port: 8089 unless your administrator changed it.</source>
        <translation>La porta web (HTTPS) dell'UCM: 8089 salvo modifiche dell'amministratore.</translation>
    </message>
    <message>
        <source>A user of the UCM's web interface that may see call status; ask your administrator.</source>
        <translation>Un utente dell'interfaccia web dell'UCM che può vedere lo stato delle chiamate; chieda all'amministratore.</translation>
    </message>
    <message>
        <source>That UCM user's password.</source>
        <translation>La password di quell'utente UCM.</translation>
    </message>
    <message>
        <source>Your own phone's extension number: calls that ring it pop up on this computer.</source>
        <translation>L'interno del suo telefono: le chiamate che lo fanno squillare compaiono su questo computer.</translation>
    </message>
    <message>
        <source>Pinned (trusted), and the UCM presents this one:</source>
        <translation>Fissato (attendibile), e l'UCM presenta questo:</translation>
    </message>
    <message>
        <source>Enter only the address, like pbx.example.com (no https://, no /)</source>
        <translation>Inserisca solo l'indirizzo, ad esempio pbx.example.com (senza https://, senza /)</translation>
    </message>
    <message>
        <source>No file there: choose an existing PEM file, or leave it empty</source>
        <translation>Nessun file lì: scelga un file PEM esistente o lasci vuoto</translation>
    </message>
    <message>
        <source>Enter your extension number, like 1002</source>
        <translation>Inserisca il suo interno, ad esempio 1002</translation>
    </message>
    <message>
        <source>An extension is a number, like 1002</source>
        <translation>Un interno è un numero, ad esempio 1002</translation>
    </message>
    <message>
        <source>unnamed</source>
        <translation>senza nome</translation>
    </message>
    <message>
        <source>Screen %1: %2 (%3 x %4)</source>
        <translation>Schermo %1: %2 (%3 x %4)</translation>
    </message>
    <message>
        <source>, the main screen</source>
        <translation>, lo schermo principale</translation>
    </message>
    <message>
        <source>Screen %1 (not connected now)</source>
        <translation>Schermo %1 (ora non collegato)</translation>
    </message>
    <message>
        <source>Ringing shows who calls before you pick up; answering keeps the screen quiet until you take the call.</source>
        <translation>Allo squillo vede chi chiama prima di rispondere; alla risposta lo schermo resta tranquillo finché non prende la chiamata.</translation>
    </message>
    <message>
        <source>Off: only calls from outside (customers) pop up.</source>
        <translation>Disattivato: compaiono solo le chiamate esterne (clienti).</translation>
    </message>
    <message>
        <source>On: a call you dial, from the phone or this computer, shows whom you call.</source>
        <translation>Attivato: una chiamata che compone, dal telefono o da questo computer, mostra chi sta chiamando.</translation>
    </message>
    <message>
        <source>How long the popup stays after a call you answered has ended.</source>
        <translation>Per quanto resta la scheda dopo la fine di una chiamata risposta.</translation>
    </message>
    <message>
        <source>How long a missed call's card stays; it also stays in the recent calls list.</source>
        <translation>Per quanto resta la scheda di una chiamata persa; resta anche nell'elenco delle chiamate recenti.</translation>
    </message>
    <message>
        <source>The corner of that screen where popups appear.</source>
        <translation>L'angolo di quello schermo in cui compaiono le schede.</translation>
    </message>
    <message>
        <source>The language of the popups, the tray menu and this dialog; it applies when you Save.</source>
        <translation>La lingua delle schede, del menu nell'area di notifica e di questa finestra; si applica al salvataggio.</translation>
    </message>
    <message>
        <source>The desktop's language (%1)</source>
        <translation>La lingua del desktop (%1)</translation>
    </message>
    <message>
        <source>Pinned (trusted):</source>
        <translation>Fissato (attendibile):</translation>
    </message>
    <message>
        <source>None pinned: the UCM's certificate must be signed by an authority this computer trusts.</source>
        <translation>Nessuno fissato: il certificato dell'UCM deve essere firmato da un'autorità attendibile per questo computer.</translation>
    </message>
    <message>
        <source>The UCM presents:</source>
        <translation>L'UCM presenta:</translation>
    </message>
    <message>
        <source>An address has no spaces, like pbx.example.com or 192.168.1.10</source>
        <translation>Un indirizzo non contiene spazi, ad esempio pbx.example.com o 192.168.1.10</translation>
    </message>
    <message>
        <source>Put the port in the Web port field, not after the address</source>
        <translation>Inserisca la porta nel campo Porta web, non dopo l'indirizzo</translation>
    </message>
    <message>
        <source>This computer logs in to the UCM itself, with a UCM user and password.</source>
        <translation>Questo computer accede direttamente all'UCM, con utente e password UCM.</translation>
    </message>
    <message>
        <source>Your administrator runs a site relay: this computer gets its calls through the company's message broker and needs no UCM password.</source>
        <translation>L'amministratore gestisce un relay della sede: questo computer riceve le chiamate tramite il broker di messaggi aziendale e non serve una password UCM.</translation>
    </message>
    <message>
        <source>Directly to the UCM</source>
        <translation>Direttamente all'UCM</translation>
    </message>
    <message>
        <source>Through the site relay</source>
        <translation>Tramite il relay della sede</translation>
    </message>
    <message>
        <source>Broker:</source>
        <translation>Broker:</translation>
    </message>
    <message>
        <source>Broker user:</source>
        <translation>Utente del broker:</translation>
    </message>
    <message>
        <source>Broker password:</source>
        <translation>Password del broker:</translation>
    </message>
    <message>
        <source>Site prefix:</source>
        <translation>Prefisso della sede:</translation>
    </message>
    <message>
        <source>Test the relay</source>
        <translation>Prova il relay</translation>
    </message>
    <message>
        <source>Log in to the broker with these settings and read the relay's status</source>
        <translation>Accede al broker con queste impostazioni e legge lo stato del relay</translation>
    </message>
    <message>
        <source>Calls come:</source>
        <translation>Le chiamate arrivano:</translation>
    </message>
    <message>
        <source>Enter the broker's address, like mqtts://broker.example.com:8883</source>
        <translation>Inserisca l'indirizzo del broker, ad esempio mqtts://broker.example.com:8883</translation>
    </message>
    <message>
        <source>Enter your broker user, usually your extension</source>
        <translation>Inserisca il suo utente del broker, di solito il suo interno</translation>
    </message>
    <message>
        <source>Enter that broker user's password</source>
        <translation>Inserisca la password di quell'utente del broker</translation>
    </message>
    <message>
        <source>Enter the site's prefix, like ucm-popup</source>
        <translation>Inserisca il prefisso della sede, ad esempio ucm-popup</translation>
    </message>
    <message>
        <source>The message broker's address, from your administrator (mqtts:// is encrypted).</source>
        <translation>L'indirizzo del broker di messaggi, fornito dall'amministratore (mqtts:// è cifrato).</translation>
    </message>
    <message>
        <source>Your broker user: usually your extension number.</source>
        <translation>Il suo utente del broker: di solito il suo interno.</translation>
    </message>
    <message>
        <source>That broker user's password.</source>
        <translation>La password di quell'utente del broker.</translation>
    </message>
    <message>
        <source>The site's name on the broker; leave ucm-popup unless told otherwise.</source>
        <translation>Il nome della sede sul broker; lasci ucm-popup salvo diversa indicazione.</translation>
    </message>
    <message>
        <source>Optional: a PEM file with the certificate authority that signed the broker's certificate.</source>
        <translation>Facoltativo: un file PEM con l'autorità di certificazione che ha firmato il certificato del broker.</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Mostra</translation>
    </message>
    <message>
        <source>Show what you typed</source>
        <translation>Mostra ciò che ha digitato</translation>
    </message>
    <message>
        <source>cannot be saved on this computer</source>
        <translation>non può essere salvato su questo computer</translation>
    </message>
    <message>
        <source>Taken from the environment variable %1.</source>
        <translation>Preso dalla variabile d'ambiente %1.</translation>
    </message>
    <message>
        <source>No keyring on this computer, so this cannot be saved here: set the environment variable %1 instead.</source>
        <translation>Nessun portachiavi su questo computer, quindi non si può salvare qui: imposti invece la variabile d'ambiente %1.</translation>
    </message>
    <message>
        <source>set by the environment</source>
        <translation>impostato dall'ambiente</translation>
    </message>
    <message>
        <source>Taken from the environment variable %1, which wins over the keyring. What you type here goes to the keyring.</source>
        <translation>Preso dalla variabile d'ambiente %1, che prevale sul portachiavi. Ciò che digita qui va nel portachiavi.</translation>
    </message>
    <message>
        <source>New value: it replaces the one in the keyring when you Save.</source>
        <translation>Nuovo valore: sostituisce quello nel portachiavi quando salva.</translation>
    </message>
    <message>
        <source>•••••••• saved in the keyring; type to replace</source>
        <translation>•••••••• salvato nel portachiavi; digiti per sostituirlo</translation>
    </message>
    <message>
        <source>Saved in the system keyring. Leave empty to keep it.</source>
        <translation>Salvato nel portachiavi di sistema. Lasci vuoto per mantenerlo.</translation>
    </message>
    <message>
        <source>Goes to the system keyring when you Save, never in the settings file.</source>
        <translation>Va nel portachiavi di sistema quando salva, mai nel file delle impostazioni.</translation>
    </message>
    <message>
        <source>Kept in the system keyring, never in the settings file.</source>
        <translation>Conservato nel portachiavi di sistema, mai nel file delle impostazioni.</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>ringing</source>
        <translation>squilla</translation>
    </message>
    <message>
        <source>on call</source>
        <translation>in linea</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>persa</translation>
    </message>
    <message>
        <source>answered elsewhere</source>
        <translation>risposta altrove</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>risposta</translation>
    </message>
    <message>
        <source>not answered</source>
        <translation>nessuna risposta</translation>
    </message>
    <message>
        <source>CRM index: not synced yet</source>
        <translation>Indice CRM: non ancora sincronizzato</translation>
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
        <translation>Indice CRM: %1, sincronizzato %2</translation>
    </message>
    <message>
        <source>; sync failing: %1</source>
        <translation>; sincronizzazione non riuscita: %1</translation>
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
        <translation>proprio ora</translation>
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
            <numerusform>%n giorno</numerusform>
            <numerusform>%n giorni</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation>%1 fa</translation>
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
        <translation>Questo desktop non ha l'area di notifica, quindi ucm-popup mostra questa finestra. Chiuderla chiude ucm-popup.</translation>
    </message>
    <message>
        <source>&amp;Recent calls</source>
        <translation>Chiamate &amp;recenti</translation>
    </message>
    <message>
        <source>&amp;Pause popups</source>
        <translation>&amp;Sospendi schede</translation>
    </message>
    <message>
        <source>Reset popup p&amp;osition</source>
        <translation>Ripristina p&amp;osizione schede</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Impostazioni…</translation>
    </message>
    <message>
        <source>&amp;About ucm-popup</source>
        <translation>I&amp;nformazioni su ucm-popup</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Esci</translation>
    </message>
    <message>
        <source>&amp;Call back</source>
        <translation>&amp;Richiama</translation>
    </message>
    <message>
        <source>Number copied</source>
        <translation>Numero copiato</translation>
    </message>
    <message>
        <source>outgoing, %1</source>
        <translation>in uscita, %1</translation>
    </message>
    <message>
        <source>transferred to %1</source>
        <translation>trasferita a %1</translation>
    </message>
    <message>
        <source>Writing to the CRM failed</source>
        <translation>Scrittura nel CRM non riuscita</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n record</numerusform>
            <numerusform>%n record</numerusform>
        </translation>
    </message>
    <message>
        <source> (retry in %1)</source>
        <translation> (nuovo tentativo tra %1)</translation>
    </message>
    <message>
        <source>&amp;Focus the latest popup</source>
        <translation>Vai all'&amp;ultima scheda</translation>
    </message>
    <message>
        <source>&amp;Dial…</source>
        <translation>&amp;Componi…</translation>
    </message>
    <message>
        <source>Ring &amp;me (demo)</source>
        <translation>Fammi s&amp;quillare (demo)</translation>
    </message>
    <message>
        <source>No calls yet</source>
        <translation>Nessuna chiamata finora</translation>
    </message>
    <message>
        <source> (extension %1)</source>
        <translation> (interno %1)</translation>
    </message>
    <message>
        <source>Popups are paused</source>
        <translation>Le schede sono sospese</translation>
    </message>
    <message>
        <source>%1 is on the clipboard</source>
        <translation>%1 è negli appunti</translation>
    </message>
    <message numerus="yes">
        <source>%n call(s) waiting to be written</source>
        <translation>
            <numerusform>%n chiamata in attesa di scrittura</numerusform>
            <numerusform>%n chiamate in attesa di scrittura</numerusform>
        </translation>
    </message>
    <message>
        <source>Zoho requires the field %1: ask your Zoho admin to make it optional or give it a default</source>
        <translation>Zoho richiede il campo %1: chiedi all'amministratore di Zoho di renderlo facoltativo o di dargli un valore predefinito</translation>
    </message>
    <message>
        <source>Open the record in the CRM</source>
        <translation>Apri il record nel CRM</translation>
    </message>
    <message>
        <source>Copy the number</source>
        <translation>Copia il numero</translation>
    </message>
    <message>
        <source>Site relay %1 is active</source>
        <translation>Relay del sito %1 attivo</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>Ultimo errore: %1</translation>
    </message>
</context>
</TS>
