<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>App</name>
    <message>
        <source>About ucm-popup</source>
        <translation>À propos d'ucm-popup</translation>
    </message>
    <message>
        <source>ucm-popup is already running</source>
        <translation>ucm-popup est déjà lancé</translation>
    </message>
    <message>
        <source>run with -v for details</source>
        <translation>lancez avec -v pour les détails</translation>
    </message>
    <message>
        <source>ucm-popup hit an error</source>
        <translation>ucm-popup a rencontré une erreur</translation>
    </message>
    <message>
        <source>Could not open the browser</source>
        <translation>Impossible d'ouvrir le navigateur</translation>
    </message>
    <message>
        <source>Dialling %1</source>
        <translation>Appel de %1 en cours</translation>
    </message>
    <message>
        <source>Pick up your phone (extension %1) when it rings</source>
        <translation>Décrochez votre téléphone (poste %1) quand il sonne</translation>
    </message>
    <message>
        <source>Demo mode</source>
        <translation>Mode démo</translation>
    </message>
    <message>
        <source>The demo runs on built-in settings; start ucm-popup without --demo to set up your own UCM and CRM.</source>
        <translation>La démo utilise des paramètres intégrés ; lancez ucm-popup sans --demo pour configurer votre UCM et votre CRM.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>details in %1</source>
        <translation>détails dans %1</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>non renseigné</translation>
    </message>
    <message>
        <source>Settings: %1</source>
        <translation>Paramètres : %1</translation>
    </message>
    <message>
        <source>Log: %1</source>
        <translation>Journal : %1</translation>
    </message>
    <message>
        <source>Caller popups with Zoho CRM records for Grandstream UCM extensions.</source>
        <translation>Fiches appelant avec les enregistrements Zoho CRM pour les postes Grandstream UCM.</translation>
    </message>
    <message>
        <source>Open source (MIT licence).</source>
        <translation>Logiciel libre (licence MIT).</translation>
    </message>
    <message>
        <source>Could not dial</source>
        <translation>Numérotation impossible</translation>
    </message>
    <message>
        <source>Edit %1 and restart ucm-popup</source>
        <translation>Modifiez %1 puis relancez ucm-popup</translation>
    </message>
</context>
<context>
    <name>DialBox</name>
    <message>
        <source>Dial — ucm-popup</source>
        <translation>Composer — ucm-popup</translation>
    </message>
    <message>
        <source>Number to call</source>
        <translation>Numéro à appeler</translation>
    </message>
    <message>
        <source>Your phone rings first; pick it up and the UCM calls the number</source>
        <translation>Votre téléphone sonne d'abord ; décrochez et l'UCM appelle le numéro</translation>
    </message>
    <message>
        <source>What will be dialled</source>
        <translation>Ce qui sera composé</translation>
    </message>
    <message>
        <source>&amp;Dial</source>
        <translation>&amp;Appeler</translation>
    </message>
    <message>
        <source>Dialling…</source>
        <translation>Appel en cours…</translation>
    </message>
    <message>
        <source>Number to call. Your phone (extension %1) rings first; pick it up and the UCM calls the number.</source>
        <translation>Numéro à appeler. Votre téléphone (poste %1) sonne d'abord ; décrochez et l'UCM appelle le numéro.</translation>
    </message>
    <message>
        <source>The UCM will dial %1</source>
        <translation>L'UCM composera le %1</translation>
    </message>
</context>
<context>
    <name>TrayState</name>
    <message>
        <source>Connected</source>
        <translation>Connecté</translation>
    </message>
    <message>
        <source>Connecting to the UCM…</source>
        <translation>Connexion à l'UCM…</translation>
    </message>
    <message>
        <source>Reconnecting to the UCM…</source>
        <translation>Reconnexion à l'UCM…</translation>
    </message>
    <message>
        <source>UCM login refused</source>
        <translation>Connexion à l'UCM refusée</translation>
    </message>
    <message>
        <source>Cannot use the UCM</source>
        <translation>UCM inutilisable</translation>
    </message>
    <message>
        <source>CRM lookups failing</source>
        <translation>Recherches CRM en échec</translation>
    </message>
    <message>
        <source>Popups paused</source>
        <translation>Fiches en pause</translation>
    </message>
    <message>
        <source>Not configured</source>
        <translation>Non configuré</translation>
    </message>
    <message>
        <source>Site relay offline</source>
        <translation>Relais du site hors ligne</translation>
    </message>
    <message>
        <source>The site relay lost the UCM</source>
        <translation>Le relais du site a perdu l'UCM</translation>
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
        <translation>Prospect</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Note for the CRM (saved with the call)</source>
        <translation>Note pour le CRM (enregistrée avec l'appel)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>Note saved to the CRM</source>
        <translation>Note enregistrée dans le CRM</translation>
    </message>
    <message>
        <source>Looking up in the CRM…</source>
        <translation>Recherche dans le CRM…</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Appeler</translation>
    </message>
    <message>
        <source>Ring my phone, then call this number</source>
        <translation>Faire sonner mon téléphone, puis appeler ce numéro</translation>
    </message>
    <message>
        <source>Unknown caller</source>
        <translation>Appelant inconnu</translation>
    </message>
    <message>
        <source>%1 — Missed call — ucm-popup</source>
        <translation>%1 — Appel manqué — ucm-popup</translation>
    </message>
    <message>
        <source>%1 — Call — ucm-popup</source>
        <translation>%1 — Appel — ucm-popup</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>Portable</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <source>Open in CRM</source>
        <translation>Ouvrir dans le CRM</translation>
    </message>
    <message>
        <source>Create contact</source>
        <translation>Créer un contact</translation>
    </message>
    <message>
        <source>Create lead</source>
        <translation>Créer un prospect</translation>
    </message>
    <message>
        <source>Call back</source>
        <translation>Rappeler</translation>
    </message>
    <message>
        <source>Save note</source>
        <translation>Enregistrer la note</translation>
    </message>
    <message>
        <source>Close this popup (Escape)</source>
        <translation>Fermer cette fiche (Échap)</translation>
    </message>
    <message>
        <source>Matching records</source>
        <translation>Fiches correspondantes</translation>
    </message>
    <message>
        <source>Several CRM records have this number: pick one</source>
        <translation>Plusieurs fiches du CRM ont ce numéro : choisissez-en une</translation>
    </message>
    <message>
        <source>Call the phone number</source>
        <translation>Appeler le numéro de téléphone</translation>
    </message>
    <message>
        <source>Call the mobile number</source>
        <translation>Appeler le portable</translation>
    </message>
    <message>
        <source>Note for the CRM</source>
        <translation>Note pour le CRM</translation>
    </message>
    <message>
        <source>Save the note with the call in the CRM</source>
        <translation>Enregistrer la note avec l'appel dans le CRM</translation>
    </message>
    <message>
        <source>Open the caller's record in the CRM in the browser</source>
        <translation>Ouvrir la fiche de l'appelant dans le CRM (navigateur)</translation>
    </message>
    <message>
        <source>Create a contact for this number in the CRM</source>
        <translation>Créer un contact pour ce numéro dans le CRM</translation>
    </message>
    <message>
        <source>Create a lead for this number in the CRM</source>
        <translation>Créer un prospect pour ce numéro dans le CRM</translation>
    </message>
    <message>
        <source>Ring my phone, then call the caller back</source>
        <translation>Faire sonner mon téléphone, puis rappeler l'appelant</translation>
    </message>
    <message>
        <source>Call status</source>
        <translation>État de l'appel</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>Appelant</translation>
    </message>
    <message>
        <source>Internal call</source>
        <translation>Appel interne</translation>
    </message>
    <message>
        <source>Incoming call</source>
        <translation>Appel entrant</translation>
    </message>
    <message>
        <source>Transferred call</source>
        <translation>Appel transféré</translation>
    </message>
    <message>
        <source>Calling %1</source>
        <translation>Appel vers %1</translation>
    </message>
    <message>
        <source>⚠ CRM lookup failed: %1</source>
        <translation>⚠ Échec de la recherche CRM : %1</translation>
    </message>
    <message>
        <source>Transferred to %1</source>
        <translation>Transféré vers %1</translation>
    </message>
    <message>
        <source>Not answered</source>
        <translation>Sans réponse</translation>
    </message>
    <message>
        <source>On call · %1</source>
        <translation>En ligne · %1</translation>
    </message>
    <message>
        <source>No match in the CRM for this number</source>
        <translation>Aucune fiche du CRM pour ce numéro</translation>
    </message>
    <message>
        <source>Answered on another extension</source>
        <translation>Décroché sur un autre poste</translation>
    </message>
    <message>
        <source>transferred by %1</source>
        <translation>transféré par %1</translation>
    </message>
    <message>
        <source>queue %1</source>
        <translation>file %1</translation>
    </message>
    <message>
        <source>Call ended · %1</source>
        <translation>Appel terminé · %1</translation>
    </message>
    <message>
        <source>Missed call · %1</source>
        <translation>Appel manqué · %1</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Zoho's v1 API is read-only here (Zoho ended v1 writes in 2019): calls are written and callers added with Zoho CRM (v2) only.</source>
        <translation>L'API v1 de Zoho est ici en lecture seule (Zoho a arrêté les écritures v1 en 2019) : les appels ne sont enregistrés et les appelants ajoutés qu'avec Zoho CRM (v2).</translation>
    </message>
    <message>
        <source>United States (zoho.com)</source>
        <translation>États-Unis (zoho.com)</translation>
    </message>
    <message>
        <source>Europe (zoho.eu)</source>
        <translation>Europe (zoho.eu)</translation>
    </message>
    <message>
        <source>India (zoho.in)</source>
        <translation>Inde (zoho.in)</translation>
    </message>
    <message>
        <source>Australia (zoho.com.au)</source>
        <translation>Australie (zoho.com.au)</translation>
    </message>
    <message>
        <source>China (zoho.com.cn)</source>
        <translation>Chine (zoho.com.cn)</translation>
    </message>
    <message>
        <source>Japan (zoho.jp)</source>
        <translation>Japon (zoho.jp)</translation>
    </message>
    <message>
        <source>Canada (zohocloud.ca)</source>
        <translation>Canada (zohocloud.ca)</translation>
    </message>
    <message>
        <source>Saudi Arabia (zoho.sa)</source>
        <translation>Arabie saoudite (zoho.sa)</translation>
    </message>
    <message>
        <source>None: show only the number and name the UCM gives</source>
        <translation>Aucun : afficher seulement le numéro et le nom fournis par l'UCM</translation>
    </message>
    <message>
        <source>Zoho CRM, old v1 API (legacy, end of life)</source>
        <translation>Zoho CRM, ancienne API v1 (obsolète, fin de vie)</translation>
    </message>
    <message>
        <source>Don't add them</source>
        <translation>Ne pas les ajouter</translation>
    </message>
    <message>
        <source>as a new Lead</source>
        <translation>comme nouveau prospect</translation>
    </message>
    <message>
        <source>as a new Contact</source>
        <translation>comme nouveau contact</translation>
    </message>
    <message>
        <source>Use https:// (plain http:// is only allowed for this computer's own address)</source>
        <translation>Utilisez https:// (http:// n'est permis que pour l'adresse de cet ordinateur)</translation>
    </message>
    <message>
        <source>Enter a full address starting with https://, like %1</source>
        <translation>Saisissez une adresse complète commençant par https://, par exemple %1</translation>
    </message>
    <message>
        <source>Enter the address, like %1</source>
        <translation>Saisissez l'adresse, par exemple %1</translation>
    </message>
    <message>
        <source>CRM:</source>
        <translation>CRM :</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Monter</translation>
    </message>
    <message>
        <source>Search this module earlier</source>
        <translation>Chercher plus tôt dans ce module</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Descendre</translation>
    </message>
    <message>
        <source>Search this module later</source>
        <translation>Chercher plus tard dans ce module</translation>
    </message>
    <message>
        <source>Where to look for the caller, top first. Tick the record types your team keeps phone numbers in.</source>
        <translation>Où chercher l'appelant, en commençant par le haut. Cochez les types de fiches où votre équipe garde les numéros.</translation>
    </message>
    <message>
        <source>Your country: numbers the UCM gives without a country code are read as this country's.</source>
        <translation>Votre pays : les numéros sans indicatif transmis par l'UCM sont lus comme ceux de ce pays.</translation>
    </message>
    <message>
        <source>Search in:</source>
        <translation>Chercher dans :</translation>
    </message>
    <message>
        <source>Country:</source>
        <translation>Pays :</translation>
    </message>
    <message>
        <source>a customer's phone number, like +33 6 12 34 56 78</source>
        <translation>le numéro d'un client, par ex. +33 6 12 34 56 78</translation>
    </message>
    <message>
        <source>Test lookup</source>
        <translation>Tester la recherche</translation>
    </message>
    <message>
        <source>Look this number up in the CRM with these settings</source>
        <translation>Chercher ce numéro dans le CRM avec ces paramètres</translation>
    </message>
    <message>
        <source>Type a number you know is in the CRM, then Test lookup.</source>
        <translation>Saisissez un numéro que vous savez dans le CRM, puis Tester la recherche.</translation>
    </message>
    <message>
        <source>Try a number:</source>
        <translation>Essayer un numéro :</translation>
    </message>
    <message>
        <source>Log every call of my extension in Zoho CRM (Calls)</source>
        <translation>Enregistrer chaque appel de mon poste dans Zoho CRM (Appels)</translation>
    </message>
    <message>
        <source>Answered, outgoing and missed calls appear in Zoho's call reports, with your note.</source>
        <translation>Les appels décrochés, sortants et manqués apparaissent dans les rapports d'appels de Zoho, avec votre note.</translation>
    </message>
    <message>
        <source>A caller the CRM does not know becomes a record, shown in the popup.</source>
        <translation>Un appelant inconnu du CRM devient une fiche, affichée dans la fenêtre.</translation>
    </message>
    <message>
        <source>Write calls:</source>
        <translation>Enregistrer les appels :</translation>
    </message>
    <message>
        <source>Unknown callers:</source>
        <translation>Appelants inconnus :</translation>
    </message>
    <message>
        <source>Other: the addresses under Advanced</source>
        <translation>Autre : les adresses sous Avancé</translation>
    </message>
    <message>
        <source>Where your Zoho account lives: the end of the address you log in at, e.g. crm.zoho.eu is Europe.</source>
        <translation>Où se trouve votre compte Zoho : la fin de l'adresse de connexion, par ex. crm.zoho.eu pour l'Europe.</translation>
    </message>
    <message>
        <source>Zoho's API address for this data centre.</source>
        <translation>L'adresse de l'API Zoho pour ce centre de données.</translation>
    </message>
    <message>
        <source>Zoho's sign-in (OAuth) server for this data centre.</source>
        <translation>Le serveur de connexion (OAuth) de Zoho pour ce centre de données.</translation>
    </message>
    <message>
        <source>Where "Open in CRM" opens records.</source>
        <translation>Où « Ouvrir dans le CRM » ouvre les fiches.</translation>
    </message>
    <message>
        <source>API:</source>
        <translation>API :</translation>
    </message>
    <message>
        <source>Accounts:</source>
        <translation>Comptes :</translation>
    </message>
    <message>
        <source>Web:</source>
        <translation>Web :</translation>
    </message>
    <message>
        <source>Advanced: the data centre's addresses</source>
        <translation>Avancé : les adresses du centre de données</translation>
    </message>
    <message>
        <source>From your Self Client in the Zoho API console (steps below); it starts with 1000.</source>
        <translation>Depuis votre Self Client dans la console API de Zoho (étapes ci-dessous) ; il commence par 1000.</translation>
    </message>
    <message>
        <source>Shown next to the Client ID in the Zoho API console.</source>
        <translation>Affiché à côté du Client ID dans la console API de Zoho.</translation>
    </message>
    <message>
        <source>Lets this app read the CRM without your Zoho password. Get one below.</source>
        <translation>Permet à l'application de lire le CRM sans votre mot de passe Zoho. Obtenez-le ci-dessous.</translation>
    </message>
    <message>
        <source>Data centre:</source>
        <translation>Centre de données :</translation>
    </message>
    <message>
        <source>Client ID:</source>
        <translation>Client ID :</translation>
    </message>
    <message>
        <source>Client secret:</source>
        <translation>Client secret :</translation>
    </message>
    <message>
        <source>Refresh token:</source>
        <translation>Jeton d'actualisation :</translation>
    </message>
    <message>
        <source>Get refresh token</source>
        <translation>Obtenir le jeton d'actualisation</translation>
    </message>
    <message>
        <source>The permissions this app needs: reading, and writing calls if you chose to</source>
        <translation>Les droits dont l'application a besoin : lecture, et écriture des appels si vous l'avez choisi</translation>
    </message>
    <message>
        <source>Scopes</source>
        <translation>Scopes</translation>
    </message>
    <message>
        <source>Copy scopes</source>
        <translation>Copier les scopes</translation>
    </message>
    <message>
        <source>paste the code here, like 1000.a1b2c3…</source>
        <translation>collez le code ici, par ex. 1000.a1b2c3…</translation>
    </message>
    <message>
        <source>The code Zoho shows after Create; it works once, for a few minutes</source>
        <translation>Le code affiché par Zoho après Create ; il ne sert qu'une fois, pendant quelques minutes</translation>
    </message>
    <message>
        <source>Code from Zoho</source>
        <translation>Code de Zoho</translation>
    </message>
    <message>
        <source>Add Client → &lt;b&gt;Self Client&lt;/b&gt; → Create (once). Copy its Client ID and Client Secret into the fields above.</source>
        <translation>Add Client → &lt;b&gt;Self Client&lt;/b&gt; → Create (une seule fois). Copiez son Client ID et son Client Secret dans les champs ci-dessus.</translation>
    </message>
    <message>
        <source>On the &lt;b&gt;Generate Code&lt;/b&gt; tab, paste the scopes below, pick 10 minutes, type any description and press Create (choose your CRM organisation if asked).</source>
        <translation>Dans l'onglet &lt;b&gt;Generate Code&lt;/b&gt;, collez les scopes ci-dessous, choisissez 10 minutes, saisissez une description quelconque et appuyez sur Create (choisissez votre organisation CRM si demandé).</translation>
    </message>
    <message>
        <source>Copy the code Zoho shows, paste it here and press &lt;b&gt;Get refresh token&lt;/b&gt;.</source>
        <translation>Copiez le code affiché par Zoho, collez-le ici et appuyez sur &lt;b&gt;Obtenir le jeton d'actualisation&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>Legacy: Zoho has retired the v1 API and its auth tokens (end of life). Use it only if your CRM still accepts them; otherwise choose Zoho CRM above.</source>
        <translation>Obsolète : Zoho a retiré l'API v1 et ses jetons d'authentification (fin de vie). Ne l'utilisez que si votre CRM les accepte encore ; sinon choisissez Zoho CRM ci-dessus.</translation>
    </message>
    <message>
        <source>CRM server address: https://crm.zoho.com, .eu, .in, .com.au or .com.cn, as in your browser.</source>
        <translation>Adresse du serveur CRM : https://crm.zoho.com, .eu, .in, .com.au ou .com.cn, comme dans votre navigateur.</translation>
    </message>
    <message>
        <source>The v1 auth token from Zoho CRM's settings (a long hexadecimal string).</source>
        <translation>Le jeton d'authentification v1 des paramètres de Zoho CRM (une longue chaîne hexadécimale).</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Serveur :</translation>
    </message>
    <message>
        <source>Auth token:</source>
        <translation>Jeton d'authentification :</translation>
    </message>
    <message>
        <source>Tick at least one module to search</source>
        <translation>Cochez au moins un module où chercher</translation>
    </message>
    <message>
        <source>Some of the data centre's addresses are wrong: see Advanced</source>
        <translation>Certaines adresses du centre de données sont fausses : voir Avancé</translation>
    </message>
    <message>
        <source>Paste the Client ID of your Self Client (it starts with 1000.)</source>
        <translation>Collez le Client ID de votre Self Client (il commence par 1000.)</translation>
    </message>
    <message>
        <source>Paste the Client Secret shown next to the Client ID</source>
        <translation>Collez le Client Secret affiché à côté du Client ID</translation>
    </message>
    <message>
        <source>Get a refresh token with the steps below</source>
        <translation>Obtenez un jeton d'actualisation avec les étapes ci-dessous</translation>
    </message>
    <message>
        <source>The CRM where the popup looks the caller up; choose None if you use none.</source>
        <translation>Le CRM où la fiche cherche l'appelant ; choisissez Aucun si vous n'en utilisez pas.</translation>
    </message>
    <message>
        <source>Popups show the caller's number and the name the UCM gives, with no CRM lookup.</source>
        <translation>Les fiches affichent le numéro de l'appelant et le nom donné par l'UCM, sans recherche CRM.</translation>
    </message>
    <message>
        <source>Open the Zoho API console, &lt;a href='%1'&gt;%2&lt;/a&gt;, and sign in with your Zoho CRM account.</source>
        <translation>Ouvrez la console API de Zoho, &lt;a href='%1'&gt;%2&lt;/a&gt;, et connectez-vous avec votre compte Zoho CRM.</translation>
    </message>
    <message>
        <source>Enter the v1 auth token</source>
        <translation>Saisissez le jeton d'authentification v1</translation>
    </message>
    <message>
        <source>A client ID has no spaces: copy it again from the API console</source>
        <translation>Un Client ID ne contient pas d'espace : recopiez-le depuis la console API</translation>
    </message>
    <message>
        <source>The refresh token just received lacks %1: generate a new code with the scopes under Get refresh token.</source>
        <translation>Le jeton d'actualisation reçu n'a pas %1 : générez un nouveau code avec les scopes indiqués sous Obtenir le jeton d'actualisation.</translation>
    </message>
    <message>
        <source>Writing needs more permissions than reading: generate the refresh token's code with the scopes under Get refresh token (they include them).</source>
        <translation>L'écriture demande plus de droits que la lecture : générez le code du jeton d'actualisation avec les scopes indiqués sous Obtenir le jeton d'actualisation (ils les incluent).</translation>
    </message>
    <message>
        <source>Zoho refused this app's writes: the refresh token lacks %1. Generate a new code with the scopes under Get refresh token.</source>
        <translation>Zoho a refusé les écritures de l'application : le jeton d'actualisation n'a pas %1. Générez un nouveau code avec les scopes indiqués sous Obtenir le jeton d'actualisation.</translation>
    </message>
    <message>
        <source>Click-to-dial (optional): dial from the popup, the tray, the clipboard and tel: links</source>
        <translation>Appel en un clic (facultatif) : composer depuis la fiche, la zone de notification, le presse-papiers et les liens tel:</translation>
    </message>
    <message>
        <source>Test dialling</source>
        <translation>Tester la numérotation</translation>
    </message>
    <message>
        <source>Log in as the API user, as dialling will (nothing is dialled)</source>
        <translation>Se connecter comme l'utilisateur API, comme pour composer (rien n'est composé)</translation>
    </message>
    <message>
        <source>API user:</source>
        <translation>Utilisateur API :</translation>
    </message>
    <message>
        <source>API password:</source>
        <translation>Mot de passe API :</translation>
    </message>
    <message>
        <source>Outside prefix:</source>
        <translation>Préfixe de sortie :</translation>
    </message>
    <message>
        <source>International prefix:</source>
        <translation>Préfixe international :</translation>
    </message>
    <message>
        <source>Enter the API user whose password this is</source>
        <translation>Saisissez l'utilisateur API à qui appartient ce mot de passe</translation>
    </message>
    <message>
        <source>The UCM's HTTPS-API user (UCM: Value-added Features, API Configuration), not the web user above. Leave empty not to dial from this computer.</source>
        <translation>L'utilisateur de l'API HTTPS de l'UCM (UCM : Value-added Features, API Configuration), pas l'utilisateur web ci-dessus. Laissez vide pour ne pas composer depuis cet ordinateur.</translation>
    </message>
    <message>
        <source>That API user's password.</source>
        <translation>Le mot de passe de cet utilisateur API.</translation>
    </message>
    <message>
        <source>Digits your UCM's outbound routes need before an outside number, like 0 or 9; often none.</source>
        <translation>Chiffres que les routes sortantes de votre UCM demandent avant un numéro extérieur, comme 0 ou 9 ; souvent aucun.</translation>
    </message>
    <message>
        <source>How numbers of other countries are dialled from your country: 00 in most of the world, 011 from the US and Canada.</source>
        <translation>Comment composer les numéros d'autres pays depuis le vôtre : 00 presque partout, 011 depuis les États-Unis et le Canada.</translation>
    </message>
    <message>
        <source>Make UCM Popup the handler for phone links</source>
        <translation>Faire de UCM Popup l'application des liens téléphoniques</translation>
    </message>
    <message>
        <source>tel: and callto: links in Safari, Mail and other apps will dial through your UCM instead of FaceTime</source>
        <translation>Les liens tel: et callto: de Safari, Mail et des autres apps appelleront via votre UCM au lieu de FaceTime</translation>
    </message>
    <message>
        <source>tel: and callto: links now open UCM Popup</source>
        <translation>Les liens tel: et callto: ouvrent désormais UCM Popup</translation>
    </message>
    <message>
        <source>Only digits, like 0 or 00</source>
        <translation>Uniquement des chiffres, comme 0 ou 00</translation>
    </message>
    <message>
        <source>PBX</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>CRM</source>
        <translation>CRM</translation>
    </message>
    <message>
        <source>Popup</source>
        <translation>Fiche d'appel</translation>
    </message>
    <message>
        <source>ucm-popup settings</source>
        <translation>Paramètres d'ucm-popup</translation>
    </message>
    <message>
        <source>Welcome to ucm-popup. Fill in the PBX page so that calls to your extension pop up, and the CRM page to see who is calling. Each page has a Test button; nothing is kept until you press Save.</source>
        <translation>Bienvenue dans ucm-popup. Remplissez la page Standard pour que les appels de votre poste s'affichent, et la page CRM pour voir qui appelle. Chaque page a un bouton Tester ; rien n'est conservé avant d'appuyer sur Enregistrer.</translation>
    </message>
    <message>
        <source>Reading the keyring…</source>
        <translation>Lecture du trousseau…</translation>
    </message>
    <message>
        <source>Asking Zoho for a refresh token…</source>
        <translation>Demande d'un jeton d'actualisation à Zoho…</translation>
    </message>
    <message>
        <source>Settings file: %1</source>
        <translation>Fichier de paramètres : %1</translation>
    </message>
    <message>
        <source>Needs a keyring to keep the refresh token</source>
        <translation>Un trousseau est nécessaire pour garder le jeton d'actualisation</translation>
    </message>
    <message>
        <source>Fix the fields marked in red before saving (%1).</source>
        <translation>Corrigez les champs marqués en rouge avant d'enregistrer (%1).</translation>
    </message>
    <message>
        <source>Testing: logging in to %1:%2 as %3</source>
        <translation>Test : connexion à %1:%2 en tant que %3</translation>
    </message>
    <message>
        <source>Fill in the fields marked in red first.</source>
        <translation>Remplissez d'abord les champs marqués en rouge.</translation>
    </message>
    <message>
        <source>Testing: logging in to %1:%2…</source>
        <translation>Test : connexion à %1:%2…</translation>
    </message>
    <message>
        <source>Testing: logging in to %1…</source>
        <translation>Test : connexion à %1…</translation>
    </message>
    <message>
        <source>Enter the UCM's address first.</source>
        <translation>Saisissez d'abord l'adresse de l'UCM.</translation>
    </message>
    <message>
        <source>Type a phone number to look up first.</source>
        <translation>Saisissez d'abord un numéro à chercher.</translation>
    </message>
    <message>
        <source>Looking up %1…</source>
        <translation>Recherche de %1…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <source>First paste %1.</source>
        <translation>Collez d'abord %1.</translation>
    </message>
    <message>
        <source>The settings file %1 is not valid TOML: %2. Save keeps a copy of it beside the new file (.unreadable).</source>
        <translation>Le fichier de paramètres %1 n'est pas du TOML valide : %2. Enregistrer en garde une copie à côté du nouveau fichier (.unreadable).</translation>
    </message>
    <message>
        <source>Passwords and tokens cannot be saved: %1. ucm-popup never writes them to a plain file; environment variables still work.</source>
        <translation>Impossible d'enregistrer mots de passe et jetons : %1. ucm-popup ne les écrit jamais dans un simple fichier ; les variables d'environnement fonctionnent toujours.</translation>
    </message>
    <message>
        <source>%1 (%2 to fix)</source>
        <translation>%1 (%2 à corriger)</translation>
    </message>
    <message>
        <source>the Client ID</source>
        <translation>le Client ID</translation>
    </message>
    <message>
        <source>the Client Secret</source>
        <translation>le Client Secret</translation>
    </message>
    <message>
        <source>the code</source>
        <translation>le code</translation>
    </message>
    <message>
        <source>About the settings file %1:</source>
        <translation>À propos du fichier de paramètres %1 :</translation>
    </message>
    <message>
        <source>Nothing was saved: %1.</source>
        <translation>Rien n'a été enregistré : %1.</translation>
    </message>
    <message>
        <source>Could not write %1: %2.</source>
        <translation>Impossible d'écrire %1 : %2.</translation>
    </message>
    <message>
        <source>Settings saved, but starting at login could not be turned on: %1%2.</source>
        <translation>Paramètres enregistrés, mais le démarrage à l'ouverture de session n'a pas pu être activé : %1%2.</translation>
    </message>
    <message>
        <source>Settings saved, but starting at login could not be turned off: %1%2.</source>
        <translation>Paramètres enregistrés, mais le démarrage à l'ouverture de session n'a pas pu être désactivé : %1%2.</translation>
    </message>
    <message>
        <source>Where popups appear when you have several screens.</source>
        <translation>Où les fiches s'affichent si vous avez plusieurs écrans.</translation>
    </message>
    <message>
        <source>Top left</source>
        <translation>En haut à gauche</translation>
    </message>
    <message>
        <source>Top right</source>
        <translation>En haut à droite</translation>
    </message>
    <message>
        <source>Bottom left</source>
        <translation>En bas à gauche</translation>
    </message>
    <message>
        <source>Bottom right</source>
        <translation>En bas à droite</translation>
    </message>
    <message>
        <source>Adds ucm-popup to the programs Windows starts when you sign in (for you only).</source>
        <translation>Ajoute ucm-popup aux programmes que Windows lance à l'ouverture de session (pour vous seul).</translation>
    </message>
    <message>
        <source>Adds ucm-popup to the programs macOS opens when you log in (for you only).</source>
        <translation>Ajoute ucm-popup aux programmes que macOS ouvre à l'ouverture de session (pour vous seul).</translation>
    </message>
    <message>
        <source>Adds an entry to your desktop's startup programs (%1); turning it off removes it.</source>
        <translation>Ajoute une entrée aux programmes de démarrage de votre bureau (%1) ; la désactiver la supprime.</translation>
    </message>
    <message>
        <source>pbx.example.com or 192.168.1.10</source>
        <translation>pbx.example.com ou 192.168.1.10</translation>
    </message>
    <message>
        <source>UCM address:</source>
        <translation>Adresse de l'UCM :</translation>
    </message>
    <message>
        <source>Web port:</source>
        <translation>Port web :</translation>
    </message>
    <message>
        <source>UCM user:</source>
        <translation>Utilisateur UCM :</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Mot de passe :</translation>
    </message>
    <message>
        <source>Your extension:</source>
        <translation>Votre poste :</translation>
    </message>
    <message>
        <source>Show the UCM's certificate</source>
        <translation>Afficher le certificat de l'UCM</translation>
    </message>
    <message>
        <source>Trust this certificate</source>
        <translation>Faire confiance à ce certificat</translation>
    </message>
    <message>
        <source>Forget the pinned certificate</source>
        <translation>Oublier le certificat épinglé</translation>
    </message>
    <message>
        <source>Most UCMs use a certificate they made themselves. Compare its fingerprint with the one on the UCM's web page (or ask your administrator), then trust it.</source>
        <translation>La plupart des UCM utilisent un certificat qu'ils ont créé eux-mêmes. Comparez son empreinte avec celle de la page web de l'UCM (ou demandez à votre administrateur), puis faites-lui confiance.</translation>
    </message>
    <message>
        <source>Certificate:</source>
        <translation>Certificat :</translation>
    </message>
    <message>
        <source>Allow the older, weaker encryption of UCM62xx firmware</source>
        <translation>Autoriser le chiffrement plus ancien et plus faible des firmwares UCM62xx</translation>
    </message>
    <message>
        <source>Only for old UCMs the test cannot reach otherwise; newer UCMs never need it.</source>
        <translation>Seulement pour les anciens UCM que le test ne peut pas joindre autrement ; les UCM récents n'en ont jamais besoin.</translation>
    </message>
    <message>
        <source>Old UCM:</source>
        <translation>Ancien UCM :</translation>
    </message>
    <message>
        <source>Optional: a PEM file with your company's certificate authority, if it signed the UCM's certificate.</source>
        <translation>Facultatif : un fichier PEM avec l'autorité de certification de votre entreprise, si elle a signé le certificat de l'UCM.</translation>
    </message>
    <message>
        <source>CA file:</source>
        <translation>Fichier d'AC :</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>Avancé</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Tester la connexion</translation>
    </message>
    <message>
        <source>Log in to the UCM with these settings and ask for call events, as the app will</source>
        <translation>Se connecter à l'UCM avec ces paramètres et demander les événements d'appel, comme le fera l'application</translation>
    </message>
    <message>
        <source>Enter the UCM's address, like pbx.example.com</source>
        <translation>Saisissez l'adresse de l'UCM, par exemple pbx.example.com</translation>
    </message>
    <message>
        <source>Enter the UCM user name this app logs in with</source>
        <translation>Saisissez le nom d'utilisateur UCM avec lequel l'application se connecte</translation>
    </message>
    <message>
        <source>Enter the password of that UCM user</source>
        <translation>Saisissez le mot de passe de cet utilisateur UCM</translation>
    </message>
    <message>
        <source>When my phone rings</source>
        <translation>Quand mon téléphone sonne</translation>
    </message>
    <message>
        <source>When I answer the call</source>
        <translation>Quand je décroche</translation>
    </message>
    <message>
        <source>Also for calls from colleagues' extensions</source>
        <translation>Aussi pour les appels des postes de mes collègues</translation>
    </message>
    <message>
        <source>Also for calls I make ("Calling Jane Doe")</source>
        <translation>Aussi pour mes appels sortants (« Appel vers Jeanne Dupont »)</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>at once</source>
        <translation>immédiatement</translation>
    </message>
    <message>
        <source>until I close it</source>
        <translation>jusqu'à ce que je la ferme</translation>
    </message>
    <message>
        <source>Start ucm-popup when I log in</source>
        <translation>Lancer ucm-popup à l'ouverture de ma session</translation>
    </message>
    <message>
        <source>Show the popup:</source>
        <translation>Afficher la fiche :</translation>
    </message>
    <message>
        <source>Internal calls:</source>
        <translation>Appels internes :</translation>
    </message>
    <message>
        <source>Outgoing calls:</source>
        <translation>Appels sortants :</translation>
    </message>
    <message>
        <source>Close after a call:</source>
        <translation>Fermer après un appel :</translation>
    </message>
    <message>
        <source>Missed-call card:</source>
        <translation>Fiche d'appel manqué :</translation>
    </message>
    <message>
        <source>Screen:</source>
        <translation>Écran :</translation>
    </message>
    <message>
        <source>Corner:</source>
        <translation>Coin :</translation>
    </message>
    <message>
        <source>At login:</source>
        <translation>À l'ouverture de session :</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Langue :</translation>
    </message>
    <message>
        <source>The name or IP address of your Grandstream UCM phone system, as in your browser's address bar (without https://).</source>
        <translation>Le nom ou l'adresse IP de votre standard Grandstream UCM, comme dans la barre d'adresse du navigateur (sans https://).</translation>
    </message>
    <message>
        <source>The UCM's web (HTTPS) port: 8089 unless your administrator changed it.</source>
        <translation>Le port web (HTTPS) de l'UCM : 8089 sauf si votre administrateur l'a changé.</translation>
    </message>
    <message>
        <source>A user of the UCM's web interface that may see call status; ask your administrator.</source>
        <translation>Un utilisateur de l'interface web de l'UCM autorisé à voir l'état des appels ; demandez à votre administrateur.</translation>
    </message>
    <message>
        <source>That UCM user's password.</source>
        <translation>Le mot de passe de cet utilisateur UCM.</translation>
    </message>
    <message>
        <source>Your own phone's extension number: calls that ring it pop up on this computer.</source>
        <translation>Le numéro de poste de votre téléphone : les appels qui le font sonner s'affichent sur cet ordinateur.</translation>
    </message>
    <message>
        <source>Pinned (trusted), and the UCM presents this one:</source>
        <translation>Épinglé (de confiance), et l'UCM présente celui-ci :</translation>
    </message>
    <message>
        <source>Enter only the address, like pbx.example.com (no https://, no /)</source>
        <translation>Saisissez seulement l'adresse, par exemple pbx.example.com (sans https://, sans /)</translation>
    </message>
    <message>
        <source>No file there: choose an existing PEM file, or leave it empty</source>
        <translation>Aucun fichier à cet endroit : choisissez un fichier PEM existant, ou laissez vide</translation>
    </message>
    <message>
        <source>Enter your extension number, like 1002</source>
        <translation>Saisissez votre numéro de poste, par exemple 1002</translation>
    </message>
    <message>
        <source>An extension is a number, like 1002</source>
        <translation>Un poste est un numéro, par exemple 1002</translation>
    </message>
    <message>
        <source>unnamed</source>
        <translation>sans nom</translation>
    </message>
    <message>
        <source>Screen %1: %2 (%3 x %4)</source>
        <translation>Écran %1 : %2 (%3 x %4)</translation>
    </message>
    <message>
        <source>, the main screen</source>
        <translation>, l'écran principal</translation>
    </message>
    <message>
        <source>Screen %1 (not connected now)</source>
        <translation>Écran %1 (non connecté actuellement)</translation>
    </message>
    <message>
        <source>Ringing shows who calls before you pick up; answering keeps the screen quiet until you take the call.</source>
        <translation>À la sonnerie, vous voyez qui appelle avant de décrocher ; au décroché, l'écran reste calme jusqu'à ce que vous preniez l'appel.</translation>
    </message>
    <message>
        <source>Off: only calls from outside (customers) pop up.</source>
        <translation>Désactivé : seuls les appels de l'extérieur (clients) s'affichent.</translation>
    </message>
    <message>
        <source>On: a call you dial, from the phone or this computer, shows whom you call.</source>
        <translation>Activé : un appel que vous composez, depuis le téléphone ou cet ordinateur, affiche la personne appelée.</translation>
    </message>
    <message>
        <source>How long the popup stays after a call you answered has ended.</source>
        <translation>Combien de temps la fiche reste après la fin d'un appel décroché.</translation>
    </message>
    <message>
        <source>How long a missed call's card stays; it also stays in the recent calls list.</source>
        <translation>Combien de temps reste la fiche d'un appel manqué ; il reste aussi dans la liste des appels récents.</translation>
    </message>
    <message>
        <source>The corner of that screen where popups appear.</source>
        <translation>Le coin de cet écran où les fiches s'affichent.</translation>
    </message>
    <message>
        <source>The language of the popups, the tray menu and this dialog; it applies when you Save.</source>
        <translation>La langue des fiches, du menu de la zone de notification et de cette fenêtre ; elle s'applique à l'enregistrement.</translation>
    </message>
    <message>
        <source>The desktop's language (%1)</source>
        <translation>La langue du bureau (%1)</translation>
    </message>
    <message>
        <source>Pinned (trusted):</source>
        <translation>Épinglé (de confiance) :</translation>
    </message>
    <message>
        <source>None pinned: the UCM's certificate must be signed by an authority this computer trusts.</source>
        <translation>Aucun épinglé : le certificat de l'UCM doit être signé par une autorité reconnue par cet ordinateur.</translation>
    </message>
    <message>
        <source>The UCM presents:</source>
        <translation>L'UCM présente :</translation>
    </message>
    <message>
        <source>An address has no spaces, like pbx.example.com or 192.168.1.10</source>
        <translation>Une adresse ne contient pas d'espace, par exemple pbx.example.com ou 192.168.1.10</translation>
    </message>
    <message>
        <source>Put the port in the Web port field, not after the address</source>
        <translation>Indiquez le port dans le champ Port web, pas après l'adresse</translation>
    </message>
    <message>
        <source>This computer logs in to the UCM itself, with a UCM user and password.</source>
        <translation>Cet ordinateur se connecte lui-même à l'UCM, avec un utilisateur et un mot de passe UCM.</translation>
    </message>
    <message>
        <source>Your administrator runs a site relay: this computer gets its calls through the company's message broker and needs no UCM password.</source>
        <translation>Votre administrateur gère un relais de site : cet ordinateur reçoit ses appels via le broker de messages de l'entreprise et n'a besoin d'aucun mot de passe UCM.</translation>
    </message>
    <message>
        <source>Directly to the UCM</source>
        <translation>Directement à l'UCM</translation>
    </message>
    <message>
        <source>Through the site relay</source>
        <translation>Par le relais du site</translation>
    </message>
    <message>
        <source>Broker:</source>
        <translation>Broker :</translation>
    </message>
    <message>
        <source>Broker user:</source>
        <translation>Utilisateur du broker :</translation>
    </message>
    <message>
        <source>Broker password:</source>
        <translation>Mot de passe du broker :</translation>
    </message>
    <message>
        <source>Site prefix:</source>
        <translation>Préfixe du site :</translation>
    </message>
    <message>
        <source>Test the relay</source>
        <translation>Tester le relais</translation>
    </message>
    <message>
        <source>Log in to the broker with these settings and read the relay's status</source>
        <translation>Se connecter au broker avec ces paramètres et lire l'état du relais</translation>
    </message>
    <message>
        <source>Calls come:</source>
        <translation>Les appels arrivent :</translation>
    </message>
    <message>
        <source>Enter the broker's address, like mqtts://broker.example.com:8883</source>
        <translation>Saisissez l'adresse du broker, par exemple mqtts://broker.example.com:8883</translation>
    </message>
    <message>
        <source>Enter your broker user, usually your extension</source>
        <translation>Saisissez votre utilisateur du broker, en général votre poste</translation>
    </message>
    <message>
        <source>Enter that broker user's password</source>
        <translation>Saisissez le mot de passe de cet utilisateur du broker</translation>
    </message>
    <message>
        <source>Enter the site's prefix, like ucm-popup</source>
        <translation>Saisissez le préfixe du site, par exemple ucm-popup</translation>
    </message>
    <message>
        <source>The message broker's address, from your administrator (mqtts:// is encrypted).</source>
        <translation>L'adresse du broker de messages, fournie par votre administrateur (mqtts:// est chiffré).</translation>
    </message>
    <message>
        <source>Your broker user: usually your extension number.</source>
        <translation>Votre utilisateur du broker : en général votre numéro de poste.</translation>
    </message>
    <message>
        <source>That broker user's password.</source>
        <translation>Le mot de passe de cet utilisateur du broker.</translation>
    </message>
    <message>
        <source>The site's name on the broker; leave ucm-popup unless told otherwise.</source>
        <translation>Le nom du site sur le broker ; laissez ucm-popup sauf indication contraire.</translation>
    </message>
    <message>
        <source>Optional: a PEM file with the certificate authority that signed the broker's certificate.</source>
        <translation>Facultatif : un fichier PEM avec l'autorité de certification qui a signé le certificat du broker.</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Afficher</translation>
    </message>
    <message>
        <source>Show what you typed</source>
        <translation>Afficher ce que vous avez saisi</translation>
    </message>
    <message>
        <source>cannot be saved on this computer</source>
        <translation>impossible à enregistrer sur cet ordinateur</translation>
    </message>
    <message>
        <source>Taken from the environment variable %1.</source>
        <translation>Pris dans la variable d'environnement %1.</translation>
    </message>
    <message>
        <source>No keyring on this computer, so this cannot be saved here: set the environment variable %1 instead.</source>
        <translation>Pas de trousseau sur cet ordinateur, donc impossible d'enregistrer ici : définissez plutôt la variable d'environnement %1.</translation>
    </message>
    <message>
        <source>set by the environment</source>
        <translation>défini par l'environnement</translation>
    </message>
    <message>
        <source>Taken from the environment variable %1, which wins over the keyring. What you type here goes to the keyring.</source>
        <translation>Pris dans la variable d'environnement %1, prioritaire sur le trousseau. Ce que vous saisissez ici va dans le trousseau.</translation>
    </message>
    <message>
        <source>New value: it replaces the one in the keyring when you Save.</source>
        <translation>Nouvelle valeur : elle remplace celle du trousseau quand vous enregistrez.</translation>
    </message>
    <message>
        <source>•••••••• saved in the keyring; type to replace</source>
        <translation>•••••••• enregistré dans le trousseau ; saisissez pour remplacer</translation>
    </message>
    <message>
        <source>Saved in the system keyring. Leave empty to keep it.</source>
        <translation>Enregistré dans le trousseau du système. Laissez vide pour le conserver.</translation>
    </message>
    <message>
        <source>Goes to the system keyring when you Save, never in the settings file.</source>
        <translation>Va dans le trousseau du système quand vous enregistrez, jamais dans le fichier de paramètres.</translation>
    </message>
    <message>
        <source>Kept in the system keyring, never in the settings file.</source>
        <translation>Conservé dans le trousseau du système, jamais dans le fichier de paramètres.</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>ringing</source>
        <translation>sonne</translation>
    </message>
    <message>
        <source>on call</source>
        <translation>en ligne</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>manqué</translation>
    </message>
    <message>
        <source>answered elsewhere</source>
        <translation>décroché ailleurs</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>décroché</translation>
    </message>
    <message>
        <source>not answered</source>
        <translation>sans réponse</translation>
    </message>
    <message>
        <source>CRM index: not synced yet</source>
        <translation>Index CRM : pas encore synchronisé</translation>
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
        <translation>Index CRM : %1, synchronisé %2</translation>
    </message>
    <message>
        <source>; sync failing: %1</source>
        <translation>; échec de la synchronisation : %1</translation>
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
        <translation>à l'instant</translation>
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
            <numerusform>%n jour</numerusform>
            <numerusform>%n jours</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation>il y a %1</translation>
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
        <translation>Ce bureau n'a pas de zone de notification : ucm-popup affiche donc cette fenêtre. La fermer quitte ucm-popup.</translation>
    </message>
    <message>
        <source>&amp;Recent calls</source>
        <translation>Appels &amp;récents</translation>
    </message>
    <message>
        <source>&amp;Pause popups</source>
        <translation>Mettre les fiches en &amp;pause</translation>
    </message>
    <message>
        <source>Reset popup p&amp;osition</source>
        <translation>Rétablir la p&amp;osition des fiches</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>P&amp;aramètres…</translation>
    </message>
    <message>
        <source>&amp;About ucm-popup</source>
        <translation>À propos d'&amp;ucm-popup</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Call back</source>
        <translation>&amp;Rappeler</translation>
    </message>
    <message>
        <source>Number copied</source>
        <translation>Numéro copié</translation>
    </message>
    <message>
        <source>outgoing, %1</source>
        <translation>sortant, %1</translation>
    </message>
    <message>
        <source>transferred to %1</source>
        <translation>transféré vers %1</translation>
    </message>
    <message>
        <source>Writing to the CRM failed</source>
        <translation>L'écriture dans le CRM a échoué</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n fiche</numerusform>
            <numerusform>%n fiches</numerusform>
        </translation>
    </message>
    <message>
        <source> (retry in %1)</source>
        <translation> (nouvel essai dans %1)</translation>
    </message>
    <message>
        <source>&amp;Focus the latest popup</source>
        <translation>Activer la &amp;dernière fiche</translation>
    </message>
    <message>
        <source>&amp;Dial…</source>
        <translation>&amp;Composer…</translation>
    </message>
    <message>
        <source>Ring &amp;me (demo)</source>
        <translation>Me faire &amp;sonner (démo)</translation>
    </message>
    <message>
        <source>No calls yet</source>
        <translation>Aucun appel pour l'instant</translation>
    </message>
    <message>
        <source> (extension %1)</source>
        <translation> (poste %1)</translation>
    </message>
    <message>
        <source>Popups are paused</source>
        <translation>Les fiches sont en pause</translation>
    </message>
    <message>
        <source>%1 is on the clipboard</source>
        <translation>%1 est dans le presse-papiers</translation>
    </message>
    <message numerus="yes">
        <source>%n call(s) waiting to be written</source>
        <translation>
            <numerusform>%n appel en attente d'écriture</numerusform>
            <numerusform>%n appels en attente d'écriture</numerusform>
        </translation>
    </message>
    <message>
        <source>Zoho requires the field %1: ask your Zoho admin to make it optional or give it a default</source>
        <translation>Zoho exige le champ %1 : demandez à votre administrateur Zoho de le rendre facultatif ou de lui donner une valeur par défaut</translation>
    </message>
    <message>
        <source>Open the record in the CRM</source>
        <translation>Ouvrir la fiche dans le CRM</translation>
    </message>
    <message>
        <source>Copy the number</source>
        <translation>Copier le numéro</translation>
    </message>
    <message>
        <source>Site relay %1 is active</source>
        <translation>Relais du site %1 actif</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>Dernière erreur : %1</translation>
    </message>
</context>
</TS>
