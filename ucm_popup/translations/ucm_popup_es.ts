<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>App</name>
    <message>
        <source>About ucm-popup</source>
        <translation>Acerca de ucm-popup</translation>
    </message>
    <message>
        <source>ucm-popup is already running</source>
        <translation>ucm-popup ya está en marcha</translation>
    </message>
    <message>
        <source>run with -v for details</source>
        <translation>ejecútelo con -v para ver detalles</translation>
    </message>
    <message>
        <source>ucm-popup hit an error</source>
        <translation>ucm-popup ha tenido un error</translation>
    </message>
    <message>
        <source>Could not open the browser</source>
        <translation>No se pudo abrir el navegador</translation>
    </message>
    <message>
        <source>Dialling %1</source>
        <translation>Marcando %1</translation>
    </message>
    <message>
        <source>Pick up your phone (extension %1) when it rings</source>
        <translation>Descuelgue su teléfono (extensión %1) cuando suene</translation>
    </message>
    <message>
        <source>Demo mode</source>
        <translation>Modo demostración</translation>
    </message>
    <message>
        <source>The demo runs on built-in settings; start ucm-popup without --demo to set up your own UCM and CRM.</source>
        <translation>La demostración usa ajustes integrados; inicie ucm-popup sin --demo para configurar su propio UCM y CRM.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>details in %1</source>
        <translation>detalles en %1</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>sin definir</translation>
    </message>
    <message>
        <source>Settings: %1</source>
        <translation>Ajustes: %1</translation>
    </message>
    <message>
        <source>Log: %1</source>
        <translation>Registro: %1</translation>
    </message>
    <message>
        <source>Caller popups with Zoho CRM records for Grandstream UCM extensions.</source>
        <translation>Ventanas de llamada con los registros de Zoho CRM para extensiones de Grandstream UCM.</translation>
    </message>
    <message>
        <source>Open source (MIT licence).</source>
        <translation>Código abierto (licencia MIT).</translation>
    </message>
    <message>
        <source>Could not dial</source>
        <translation>No se pudo marcar</translation>
    </message>
    <message>
        <source>Edit %1 and restart ucm-popup</source>
        <translation>Edite %1 y reinicie ucm-popup</translation>
    </message>
</context>
<context>
    <name>DialBox</name>
    <message>
        <source>Dial — ucm-popup</source>
        <translation>Marcar — ucm-popup</translation>
    </message>
    <message>
        <source>Number to call</source>
        <translation>Número al que llamar</translation>
    </message>
    <message>
        <source>Your phone rings first; pick it up and the UCM calls the number</source>
        <translation>Primero suena su teléfono; descuelgue y el UCM llamará al número</translation>
    </message>
    <message>
        <source>What will be dialled</source>
        <translation>Lo que se marcará</translation>
    </message>
    <message>
        <source>&amp;Dial</source>
        <translation>&amp;Marcar</translation>
    </message>
    <message>
        <source>Dialling…</source>
        <translation>Marcando…</translation>
    </message>
    <message>
        <source>Number to call. Your phone (extension %1) rings first; pick it up and the UCM calls the number.</source>
        <translation>Número al que llamar. Primero suena su teléfono (extensión %1); descuelgue y el UCM llamará al número.</translation>
    </message>
    <message>
        <source>The UCM will dial %1</source>
        <translation>El UCM marcará %1</translation>
    </message>
</context>
<context>
    <name>TrayState</name>
    <message>
        <source>Connected</source>
        <translation>Conectado</translation>
    </message>
    <message>
        <source>Connecting to the UCM…</source>
        <translation>Conectando con el UCM…</translation>
    </message>
    <message>
        <source>Reconnecting to the UCM…</source>
        <translation>Reconectando con el UCM…</translation>
    </message>
    <message>
        <source>UCM login refused</source>
        <translation>Acceso al UCM rechazado</translation>
    </message>
    <message>
        <source>Cannot use the UCM</source>
        <translation>No se puede usar el UCM</translation>
    </message>
    <message>
        <source>CRM lookups failing</source>
        <translation>Fallan las búsquedas en el CRM</translation>
    </message>
    <message>
        <source>Popups paused</source>
        <translation>Ventanas en pausa</translation>
    </message>
    <message>
        <source>Not configured</source>
        <translation>Sin configurar</translation>
    </message>
    <message>
        <source>Site relay offline</source>
        <translation>Relé del sitio desconectado</translation>
    </message>
    <message>
        <source>The site relay lost the UCM</source>
        <translation>El relé del sitio perdió el UCM</translation>
    </message>
</context>
<context>
    <name>Popup</name>
    <message>
        <source>Contact</source>
        <translation>Contacto</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>Cliente potencial</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Note for the CRM (saved with the call)</source>
        <translation>Nota para el CRM (se guarda con la llamada)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Note saved to the CRM</source>
        <translation>Nota guardada en el CRM</translation>
    </message>
    <message>
        <source>Looking up in the CRM…</source>
        <translation>Buscando en el CRM…</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Llamar</translation>
    </message>
    <message>
        <source>Ring my phone, then call this number</source>
        <translation>Hacer sonar mi teléfono y luego llamar a este número</translation>
    </message>
    <message>
        <source>Unknown caller</source>
        <translation>Llamante desconocido</translation>
    </message>
    <message>
        <source>%1 — Missed call — ucm-popup</source>
        <translation>%1 — Llamada perdida — ucm-popup</translation>
    </message>
    <message>
        <source>%1 — Call — ucm-popup</source>
        <translation>%1 — Llamada — ucm-popup</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Propietario</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>Móvil</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Línea</translation>
    </message>
    <message>
        <source>Open in CRM</source>
        <translation>Abrir en el CRM</translation>
    </message>
    <message>
        <source>Create contact</source>
        <translation>Crear contacto</translation>
    </message>
    <message>
        <source>Create lead</source>
        <translation>Crear cliente potencial</translation>
    </message>
    <message>
        <source>Call back</source>
        <translation>Devolver la llamada</translation>
    </message>
    <message>
        <source>Save note</source>
        <translation>Guardar nota</translation>
    </message>
    <message>
        <source>Close this popup (Escape)</source>
        <translation>Cerrar esta ventana (Esc)</translation>
    </message>
    <message>
        <source>Matching records</source>
        <translation>Registros coincidentes</translation>
    </message>
    <message>
        <source>Several CRM records have this number: pick one</source>
        <translation>Varios registros del CRM tienen este número: elija uno</translation>
    </message>
    <message>
        <source>Call the phone number</source>
        <translation>Llamar al teléfono</translation>
    </message>
    <message>
        <source>Call the mobile number</source>
        <translation>Llamar al móvil</translation>
    </message>
    <message>
        <source>Note for the CRM</source>
        <translation>Nota para el CRM</translation>
    </message>
    <message>
        <source>Save the note with the call in the CRM</source>
        <translation>Guardar la nota con la llamada en el CRM</translation>
    </message>
    <message>
        <source>Open the caller's record in the CRM in the browser</source>
        <translation>Abrir el registro de quien llama en el CRM, en el navegador</translation>
    </message>
    <message>
        <source>Create a contact for this number in the CRM</source>
        <translation>Crear un contacto con este número en el CRM</translation>
    </message>
    <message>
        <source>Create a lead for this number in the CRM</source>
        <translation>Crear un cliente potencial con este número en el CRM</translation>
    </message>
    <message>
        <source>Ring my phone, then call the caller back</source>
        <translation>Hacer sonar mi teléfono y luego devolver la llamada</translation>
    </message>
    <message>
        <source>Call status</source>
        <translation>Estado de la llamada</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>Llamante</translation>
    </message>
    <message>
        <source>Internal call</source>
        <translation>Llamada interna</translation>
    </message>
    <message>
        <source>Incoming call</source>
        <translation>Llamada entrante</translation>
    </message>
    <message>
        <source>Transferred call</source>
        <translation>Llamada transferida</translation>
    </message>
    <message>
        <source>Calling %1</source>
        <translation>Llamando a %1</translation>
    </message>
    <message>
        <source>⚠ CRM lookup failed: %1</source>
        <translation>⚠ Falló la búsqueda en el CRM: %1</translation>
    </message>
    <message>
        <source>Transferred to %1</source>
        <translation>Transferida a %1</translation>
    </message>
    <message>
        <source>Not answered</source>
        <translation>No contestada</translation>
    </message>
    <message>
        <source>On call · %1</source>
        <translation>En llamada · %1</translation>
    </message>
    <message>
        <source>No match in the CRM for this number</source>
        <translation>Ningún registro del CRM con este número</translation>
    </message>
    <message>
        <source>Answered on another extension</source>
        <translation>Contestada en otra extensión</translation>
    </message>
    <message>
        <source>transferred by %1</source>
        <translation>transferida por %1</translation>
    </message>
    <message>
        <source>queue %1</source>
        <translation>cola %1</translation>
    </message>
    <message>
        <source>Call ended · %1</source>
        <translation>Llamada finalizada · %1</translation>
    </message>
    <message>
        <source>Missed call · %1</source>
        <translation>Llamada perdida · %1</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Zoho's v1 API is read-only here (Zoho ended v1 writes in 2019): calls are written and callers added with Zoho CRM (v2) only.</source>
        <translation>La API v1 de Zoho es aquí de solo lectura (Zoho dejó de admitir escrituras v1 en 2019): las llamadas se registran y los llamantes se añaden solo con Zoho CRM (v2).</translation>
    </message>
    <message>
        <source>United States (zoho.com)</source>
        <translation>Estados Unidos (zoho.com)</translation>
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
        <translation>China (zoho.com.cn)</translation>
    </message>
    <message>
        <source>Japan (zoho.jp)</source>
        <translation>Japón (zoho.jp)</translation>
    </message>
    <message>
        <source>Canada (zohocloud.ca)</source>
        <translation>Canadá (zohocloud.ca)</translation>
    </message>
    <message>
        <source>Saudi Arabia (zoho.sa)</source>
        <translation>Arabia Saudí (zoho.sa)</translation>
    </message>
    <message>
        <source>None: show only the number and name the UCM gives</source>
        <translation>Ninguno: mostrar solo el número y el nombre que da el UCM</translation>
    </message>
    <message>
        <source>Zoho CRM, old v1 API (legacy, end of life)</source>
        <translation>Zoho CRM, antigua API v1 (obsoleta, sin soporte)</translation>
    </message>
    <message>
        <source>Don't add them</source>
        <translation>No añadirlos</translation>
    </message>
    <message>
        <source>as a new Lead</source>
        <translation>como nuevo cliente potencial</translation>
    </message>
    <message>
        <source>as a new Contact</source>
        <translation>como nuevo contacto</translation>
    </message>
    <message>
        <source>Use https:// (plain http:// is only allowed for this computer's own address)</source>
        <translation>Use https:// (http:// solo se permite para la dirección de este equipo)</translation>
    </message>
    <message>
        <source>Enter a full address starting with https://, like %1</source>
        <translation>Introduzca una dirección completa que empiece por https://, por ejemplo %1</translation>
    </message>
    <message>
        <source>Enter the address, like %1</source>
        <translation>Introduzca la dirección, por ejemplo %1</translation>
    </message>
    <message>
        <source>CRM:</source>
        <translation>CRM:</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Subir</translation>
    </message>
    <message>
        <source>Search this module earlier</source>
        <translation>Buscar antes en este módulo</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Bajar</translation>
    </message>
    <message>
        <source>Search this module later</source>
        <translation>Buscar después en este módulo</translation>
    </message>
    <message>
        <source>Where to look for the caller, top first. Tick the record types your team keeps phone numbers in.</source>
        <translation>Dónde buscar a quien llama, de arriba abajo. Marque los tipos de registro donde su equipo guarda los teléfonos.</translation>
    </message>
    <message>
        <source>Your country: numbers the UCM gives without a country code are read as this country's.</source>
        <translation>Su país: los números sin prefijo de país que da el UCM se leen como de este país.</translation>
    </message>
    <message>
        <source>Search in:</source>
        <translation>Buscar en:</translation>
    </message>
    <message>
        <source>Country:</source>
        <translation>País:</translation>
    </message>
    <message>
        <source>a customer's phone number, like +33 6 12 34 56 78</source>
        <translation>el teléfono de un cliente, p. ej. +34 612 34 56 78</translation>
    </message>
    <message>
        <source>Test lookup</source>
        <translation>Probar la búsqueda</translation>
    </message>
    <message>
        <source>Look this number up in the CRM with these settings</source>
        <translation>Buscar este número en el CRM con estos ajustes</translation>
    </message>
    <message>
        <source>Type a number you know is in the CRM, then Test lookup.</source>
        <translation>Escriba un número que sepa que está en el CRM y pulse Probar la búsqueda.</translation>
    </message>
    <message>
        <source>Try a number:</source>
        <translation>Probar un número:</translation>
    </message>
    <message>
        <source>Log every call of my extension in Zoho CRM (Calls)</source>
        <translation>Registrar cada llamada de mi extensión en Zoho CRM (Llamadas)</translation>
    </message>
    <message>
        <source>Answered, outgoing and missed calls appear in Zoho's call reports, with your note.</source>
        <translation>Las llamadas contestadas, salientes y perdidas aparecen en los informes de llamadas de Zoho, con su nota.</translation>
    </message>
    <message>
        <source>A caller the CRM does not know becomes a record, shown in the popup.</source>
        <translation>Quien llama y no está en el CRM pasa a ser un registro, mostrado en la ventana.</translation>
    </message>
    <message>
        <source>Write calls:</source>
        <translation>Registrar llamadas:</translation>
    </message>
    <message>
        <source>Unknown callers:</source>
        <translation>Llamantes desconocidos:</translation>
    </message>
    <message>
        <source>Other: the addresses under Advanced</source>
        <translation>Otro: las direcciones de Avanzado</translation>
    </message>
    <message>
        <source>Where your Zoho account lives: the end of the address you log in at, e.g. crm.zoho.eu is Europe.</source>
        <translation>Dónde está su cuenta de Zoho: el final de la dirección con la que entra, p. ej. crm.zoho.eu es Europa.</translation>
    </message>
    <message>
        <source>Zoho's API address for this data centre.</source>
        <translation>La dirección de la API de Zoho para este centro de datos.</translation>
    </message>
    <message>
        <source>Zoho's sign-in (OAuth) server for this data centre.</source>
        <translation>El servidor de inicio de sesión (OAuth) de Zoho para este centro de datos.</translation>
    </message>
    <message>
        <source>Where "Open in CRM" opens records.</source>
        <translation>Dónde abre los registros «Abrir en el CRM».</translation>
    </message>
    <message>
        <source>API:</source>
        <translation>API:</translation>
    </message>
    <message>
        <source>Accounts:</source>
        <translation>Cuentas:</translation>
    </message>
    <message>
        <source>Web:</source>
        <translation>Web:</translation>
    </message>
    <message>
        <source>Advanced: the data centre's addresses</source>
        <translation>Avanzado: las direcciones del centro de datos</translation>
    </message>
    <message>
        <source>From your Self Client in the Zoho API console (steps below); it starts with 1000.</source>
        <translation>De su Self Client en la consola de API de Zoho (pasos abajo); empieza por 1000.</translation>
    </message>
    <message>
        <source>Shown next to the Client ID in the Zoho API console.</source>
        <translation>Aparece junto al Client ID en la consola de API de Zoho.</translation>
    </message>
    <message>
        <source>Lets this app read the CRM without your Zoho password. Get one below.</source>
        <translation>Permite a esta aplicación leer el CRM sin su contraseña de Zoho. Obténgalo abajo.</translation>
    </message>
    <message>
        <source>Data centre:</source>
        <translation>Centro de datos:</translation>
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
        <translation>Token de actualización:</translation>
    </message>
    <message>
        <source>Get refresh token</source>
        <translation>Obtener token de actualización</translation>
    </message>
    <message>
        <source>The permissions this app needs: reading, and writing calls if you chose to</source>
        <translation>Los permisos que necesita la aplicación: lectura y, si lo eligió, escritura de llamadas</translation>
    </message>
    <message>
        <source>Scopes</source>
        <translation>Scopes</translation>
    </message>
    <message>
        <source>Copy scopes</source>
        <translation>Copiar scopes</translation>
    </message>
    <message>
        <source>paste the code here, like 1000.a1b2c3…</source>
        <translation>pegue aquí el código, p. ej. 1000.a1b2c3…</translation>
    </message>
    <message>
        <source>The code Zoho shows after Create; it works once, for a few minutes</source>
        <translation>El código que muestra Zoho tras Create; sirve una vez, durante unos minutos</translation>
    </message>
    <message>
        <source>Code from Zoho</source>
        <translation>Código de Zoho</translation>
    </message>
    <message>
        <source>Add Client → &lt;b&gt;Self Client&lt;/b&gt; → Create (once). Copy its Client ID and Client Secret into the fields above.</source>
        <translation>Add Client → &lt;b&gt;Self Client&lt;/b&gt; → Create (una vez). Copie su Client ID y Client Secret en los campos de arriba.</translation>
    </message>
    <message>
        <source>On the &lt;b&gt;Generate Code&lt;/b&gt; tab, paste the scopes below, pick 10 minutes, type any description and press Create (choose your CRM organisation if asked).</source>
        <translation>En la pestaña &lt;b&gt;Generate Code&lt;/b&gt;, pegue los scopes de abajo, elija 10 minutos, escriba cualquier descripción y pulse Create (elija su organización del CRM si se lo pide).</translation>
    </message>
    <message>
        <source>Copy the code Zoho shows, paste it here and press &lt;b&gt;Get refresh token&lt;/b&gt;.</source>
        <translation>Copie el código que muestra Zoho, péguelo aquí y pulse &lt;b&gt;Obtener token de actualización&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>Legacy: Zoho has retired the v1 API and its auth tokens (end of life). Use it only if your CRM still accepts them; otherwise choose Zoho CRM above.</source>
        <translation>Obsoleto: Zoho retiró la API v1 y sus tokens de autenticación. Úsela solo si su CRM aún los acepta; si no, elija Zoho CRM arriba.</translation>
    </message>
    <message>
        <source>CRM server address: https://crm.zoho.com, .eu, .in, .com.au or .com.cn, as in your browser.</source>
        <translation>Dirección del servidor CRM: https://crm.zoho.com, .eu, .in, .com.au o .com.cn, como en su navegador.</translation>
    </message>
    <message>
        <source>The v1 auth token from Zoho CRM's settings (a long hexadecimal string).</source>
        <translation>El token de autenticación v1 de los ajustes de Zoho CRM (una cadena hexadecimal larga).</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Servidor:</translation>
    </message>
    <message>
        <source>Auth token:</source>
        <translation>Token de autenticación:</translation>
    </message>
    <message>
        <source>Tick at least one module to search</source>
        <translation>Marque al menos un módulo donde buscar</translation>
    </message>
    <message>
        <source>Some of the data centre's addresses are wrong: see Advanced</source>
        <translation>Algunas direcciones del centro de datos son incorrectas: vea Avanzado</translation>
    </message>
    <message>
        <source>Paste the Client ID of your Self Client (it starts with 1000.)</source>
        <translation>Pegue el Client ID de su Self Client (empieza por 1000.)</translation>
    </message>
    <message>
        <source>Paste the Client Secret shown next to the Client ID</source>
        <translation>Pegue el Client Secret que aparece junto al Client ID</translation>
    </message>
    <message>
        <source>Get a refresh token with the steps below</source>
        <translation>Obtenga un token de actualización con los pasos de abajo</translation>
    </message>
    <message>
        <source>The CRM where the popup looks the caller up; choose None if you use none.</source>
        <translation>El CRM donde la ventana busca a quien llama; elija Ninguno si no usa ninguno.</translation>
    </message>
    <message>
        <source>Popups show the caller's number and the name the UCM gives, with no CRM lookup.</source>
        <translation>Las ventanas muestran el número y el nombre que da el UCM, sin buscar en el CRM.</translation>
    </message>
    <message>
        <source>Open the Zoho API console, &lt;a href='%1'&gt;%2&lt;/a&gt;, and sign in with your Zoho CRM account.</source>
        <translation>Abra la consola de API de Zoho, &lt;a href='%1'&gt;%2&lt;/a&gt;, e inicie sesión con su cuenta de Zoho CRM.</translation>
    </message>
    <message>
        <source>Enter the v1 auth token</source>
        <translation>Introduzca el token de autenticación v1</translation>
    </message>
    <message>
        <source>A client ID has no spaces: copy it again from the API console</source>
        <translation>Un Client ID no tiene espacios: cópielo otra vez de la consola de API</translation>
    </message>
    <message>
        <source>The refresh token just received lacks %1: generate a new code with the scopes under Get refresh token.</source>
        <translation>Al token de actualización recibido le falta %1: genere un código nuevo con los scopes de Obtener token de actualización.</translation>
    </message>
    <message>
        <source>Writing needs more permissions than reading: generate the refresh token's code with the scopes under Get refresh token (they include them).</source>
        <translation>Escribir requiere más permisos que leer: genere el código del token con los scopes de Obtener token de actualización (los incluyen).</translation>
    </message>
    <message>
        <source>Zoho refused this app's writes: the refresh token lacks %1. Generate a new code with the scopes under Get refresh token.</source>
        <translation>Zoho rechazó las escrituras de esta aplicación: al token de actualización le falta %1. Genere un código nuevo con los scopes de Obtener token de actualización.</translation>
    </message>
    <message>
        <source>Click-to-dial (optional): dial from the popup, the tray, the clipboard and tel: links</source>
        <translation>Marcación con un clic (opcional): marcar desde la ventana, la bandeja, el portapapeles y los enlaces tel:</translation>
    </message>
    <message>
        <source>Test dialling</source>
        <translation>Probar la marcación</translation>
    </message>
    <message>
        <source>Log in as the API user, as dialling will (nothing is dialled)</source>
        <translation>Iniciar sesión como el usuario de API, igual que al marcar (no se marca nada)</translation>
    </message>
    <message>
        <source>API user:</source>
        <translation>Usuario de API:</translation>
    </message>
    <message>
        <source>API password:</source>
        <translation>Contraseña de API:</translation>
    </message>
    <message>
        <source>Outside prefix:</source>
        <translation>Prefijo de salida:</translation>
    </message>
    <message>
        <source>International prefix:</source>
        <translation>Prefijo internacional:</translation>
    </message>
    <message>
        <source>Enter the API user whose password this is</source>
        <translation>Introduzca el usuario de API de esta contraseña</translation>
    </message>
    <message>
        <source>The UCM's HTTPS-API user (UCM: Value-added Features, API Configuration), not the web user above. Leave empty not to dial from this computer.</source>
        <translation>El usuario de la API HTTPS del UCM (UCM: Value-added Features, API Configuration), no el usuario web de arriba. Déjelo vacío para no marcar desde este equipo.</translation>
    </message>
    <message>
        <source>That API user's password.</source>
        <translation>La contraseña de ese usuario de API.</translation>
    </message>
    <message>
        <source>Digits your UCM's outbound routes need before an outside number, like 0 or 9; often none.</source>
        <translation>Dígitos que las rutas salientes de su UCM necesitan antes de un número externo, como 0 o 9; a menudo ninguno.</translation>
    </message>
    <message>
        <source>How numbers of other countries are dialled from your country: 00 in most of the world, 011 from the US and Canada.</source>
        <translation>Cómo se marcan números de otros países desde el suyo: 00 en casi todo el mundo, 011 desde EE. UU. y Canadá.</translation>
    </message>
    <message>
        <source>Make UCM Popup the handler for phone links</source>
        <translation>Usar UCM Popup para los enlaces de teléfono</translation>
    </message>
    <message>
        <source>tel: and callto: links in Safari, Mail and other apps will dial through your UCM instead of FaceTime</source>
        <translation>Los enlaces tel: y callto: de Safari, Mail y otras apps llamarán a través de su UCM en lugar de FaceTime</translation>
    </message>
    <message>
        <source>tel: and callto: links now open UCM Popup</source>
        <translation>Los enlaces tel: y callto: ahora abren UCM Popup</translation>
    </message>
    <message>
        <source>Only digits, like 0 or 00</source>
        <translation>Solo dígitos, como 0 o 00</translation>
    </message>
    <message>
        <source>PBX</source>
        <translation>Centralita</translation>
    </message>
    <message>
        <source>CRM</source>
        <translation>CRM</translation>
    </message>
    <message>
        <source>Popup</source>
        <translation>Ventana</translation>
    </message>
    <message>
        <source>ucm-popup settings</source>
        <translation>Ajustes de ucm-popup</translation>
    </message>
    <message>
        <source>Welcome to ucm-popup. Fill in the PBX page so that calls to your extension pop up, and the CRM page to see who is calling. Each page has a Test button; nothing is kept until you press Save.</source>
        <translation>Bienvenido a ucm-popup. Complete la página Centralita para que aparezcan las llamadas a su extensión, y la página CRM para ver quién llama. Cada página tiene un botón Probar; no se guarda nada hasta que pulse Guardar.</translation>
    </message>
    <message>
        <source>Reading the keyring…</source>
        <translation>Leyendo el llavero…</translation>
    </message>
    <message>
        <source>Asking Zoho for a refresh token…</source>
        <translation>Pidiendo a Zoho un token de actualización…</translation>
    </message>
    <message>
        <source>Settings file: %1</source>
        <translation>Archivo de ajustes: %1</translation>
    </message>
    <message>
        <source>Needs a keyring to keep the refresh token</source>
        <translation>Hace falta un llavero para guardar el token de actualización</translation>
    </message>
    <message>
        <source>Fix the fields marked in red before saving (%1).</source>
        <translation>Corrija los campos marcados en rojo antes de guardar (%1).</translation>
    </message>
    <message>
        <source>Testing: logging in to %1:%2 as %3</source>
        <translation>Probando: iniciando sesión en %1:%2 como %3</translation>
    </message>
    <message>
        <source>Fill in the fields marked in red first.</source>
        <translation>Complete primero los campos marcados en rojo.</translation>
    </message>
    <message>
        <source>Testing: logging in to %1:%2…</source>
        <translation>Probando: iniciando sesión en %1:%2…</translation>
    </message>
    <message>
        <source>Testing: logging in to %1…</source>
        <translation>Probando: iniciando sesión en %1…</translation>
    </message>
    <message>
        <source>Enter the UCM's address first.</source>
        <translation>Introduzca primero la dirección del UCM.</translation>
    </message>
    <message>
        <source>Type a phone number to look up first.</source>
        <translation>Escriba primero un número que buscar.</translation>
    </message>
    <message>
        <source>Looking up %1…</source>
        <translation>Buscando %1…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <source>First paste %1.</source>
        <translation>Pegue primero %1.</translation>
    </message>
    <message>
        <source>The settings file %1 is not valid TOML: %2. Save keeps a copy of it beside the new file (.unreadable).</source>
        <translation>El archivo de ajustes %1 no es TOML válido: %2. Guardar conserva una copia junto al nuevo archivo (.unreadable).</translation>
    </message>
    <message>
        <source>Passwords and tokens cannot be saved: %1. ucm-popup never writes them to a plain file; environment variables still work.</source>
        <translation>No se pueden guardar contraseñas ni tokens: %1. ucm-popup nunca los escribe en un archivo normal; las variables de entorno siguen funcionando.</translation>
    </message>
    <message>
        <source>%1 (%2 to fix)</source>
        <translation>%1 (%2 por corregir)</translation>
    </message>
    <message>
        <source>the Client ID</source>
        <translation>el Client ID</translation>
    </message>
    <message>
        <source>the Client Secret</source>
        <translation>el Client Secret</translation>
    </message>
    <message>
        <source>the code</source>
        <translation>el código</translation>
    </message>
    <message>
        <source>About the settings file %1:</source>
        <translation>Sobre el archivo de ajustes %1:</translation>
    </message>
    <message>
        <source>Nothing was saved: %1.</source>
        <translation>No se guardó nada: %1.</translation>
    </message>
    <message>
        <source>Could not write %1: %2.</source>
        <translation>No se pudo escribir %1: %2.</translation>
    </message>
    <message>
        <source>Settings saved, but starting at login could not be turned on: %1%2.</source>
        <translation>Ajustes guardados, pero no se pudo activar el inicio al iniciar sesión: %1%2.</translation>
    </message>
    <message>
        <source>Settings saved, but starting at login could not be turned off: %1%2.</source>
        <translation>Ajustes guardados, pero no se pudo desactivar el inicio al iniciar sesión: %1%2.</translation>
    </message>
    <message>
        <source>Where popups appear when you have several screens.</source>
        <translation>Dónde aparecen las ventanas si tiene varias pantallas.</translation>
    </message>
    <message>
        <source>Top left</source>
        <translation>Arriba a la izquierda</translation>
    </message>
    <message>
        <source>Top right</source>
        <translation>Arriba a la derecha</translation>
    </message>
    <message>
        <source>Bottom left</source>
        <translation>Abajo a la izquierda</translation>
    </message>
    <message>
        <source>Bottom right</source>
        <translation>Abajo a la derecha</translation>
    </message>
    <message>
        <source>Adds ucm-popup to the programs Windows starts when you sign in (for you only).</source>
        <translation>Añade ucm-popup a los programas que Windows inicia al iniciar sesión (solo para usted).</translation>
    </message>
    <message>
        <source>Adds ucm-popup to the programs macOS opens when you log in (for you only).</source>
        <translation>Añade ucm-popup a los programas que macOS abre al iniciar sesión (solo para usted).</translation>
    </message>
    <message>
        <source>Adds an entry to your desktop's startup programs (%1); turning it off removes it.</source>
        <translation>Añade una entrada a los programas de inicio de su escritorio (%1); al desactivarlo se elimina.</translation>
    </message>
    <message>
        <source>pbx.example.com or 192.168.1.10</source>
        <translation>pbx.example.com o 192.168.1.10</translation>
    </message>
    <message>
        <source>UCM address:</source>
        <translation>Dirección del UCM:</translation>
    </message>
    <message>
        <source>Web port:</source>
        <translation>Puerto web:</translation>
    </message>
    <message>
        <source>UCM user:</source>
        <translation>Usuario del UCM:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Contraseña:</translation>
    </message>
    <message>
        <source>Your extension:</source>
        <translation>Su extensión:</translation>
    </message>
    <message>
        <source>Show the UCM's certificate</source>
        <translation>Mostrar el certificado del UCM</translation>
    </message>
    <message>
        <source>Trust this certificate</source>
        <translation>Confiar en este certificado</translation>
    </message>
    <message>
        <source>Forget the pinned certificate</source>
        <translation>Olvidar el certificado fijado</translation>
    </message>
    <message>
        <source>Most UCMs use a certificate they made themselves. Compare its fingerprint with the one on the UCM's web page (or ask your administrator), then trust it.</source>
        <translation>La mayoría de los UCM usan un certificado propio. Compare su huella con la de la página web del UCM (o pregunte a su administrador) y luego confíe en él.</translation>
    </message>
    <message>
        <source>Certificate:</source>
        <translation>Certificado:</translation>
    </message>
    <message>
        <source>Allow the older, weaker encryption of UCM62xx firmware</source>
        <translation>Permitir el cifrado antiguo y más débil del firmware UCM62xx</translation>
    </message>
    <message>
        <source>Only for old UCMs the test cannot reach otherwise; newer UCMs never need it.</source>
        <translation>Solo para UCM antiguos que la prueba no alcanza de otro modo; los UCM recientes nunca lo necesitan.</translation>
    </message>
    <message>
        <source>Old UCM:</source>
        <translation>UCM antiguo:</translation>
    </message>
    <message>
        <source>Optional: a PEM file with your company's certificate authority, if it signed the UCM's certificate.</source>
        <translation>Opcional: un archivo PEM con la autoridad de certificación de su empresa, si firmó el certificado del UCM.</translation>
    </message>
    <message>
        <source>CA file:</source>
        <translation>Archivo de CA:</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>Avanzado</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Probar la conexión</translation>
    </message>
    <message>
        <source>Log in to the UCM with these settings and ask for call events, as the app will</source>
        <translation>Iniciar sesión en el UCM con estos ajustes y pedir los eventos de llamada, como hará la aplicación</translation>
    </message>
    <message>
        <source>Enter the UCM's address, like pbx.example.com</source>
        <translation>Introduzca la dirección del UCM, por ejemplo pbx.example.com</translation>
    </message>
    <message>
        <source>Enter the UCM user name this app logs in with</source>
        <translation>Introduzca el usuario del UCM con el que entra la aplicación</translation>
    </message>
    <message>
        <source>Enter the password of that UCM user</source>
        <translation>Introduzca la contraseña de ese usuario del UCM</translation>
    </message>
    <message>
        <source>When my phone rings</source>
        <translation>Cuando suena mi teléfono</translation>
    </message>
    <message>
        <source>When I answer the call</source>
        <translation>Cuando contesto la llamada</translation>
    </message>
    <message>
        <source>Also for calls from colleagues' extensions</source>
        <translation>También para llamadas de extensiones de compañeros</translation>
    </message>
    <message>
        <source>Also for calls I make ("Calling Jane Doe")</source>
        <translation>También para las llamadas que hago («Llamando a Juana Pérez»)</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>at once</source>
        <translation>al instante</translation>
    </message>
    <message>
        <source>until I close it</source>
        <translation>hasta que la cierre</translation>
    </message>
    <message>
        <source>Start ucm-popup when I log in</source>
        <translation>Iniciar ucm-popup al iniciar sesión</translation>
    </message>
    <message>
        <source>Show the popup:</source>
        <translation>Mostrar la ventana:</translation>
    </message>
    <message>
        <source>Internal calls:</source>
        <translation>Llamadas internas:</translation>
    </message>
    <message>
        <source>Outgoing calls:</source>
        <translation>Llamadas salientes:</translation>
    </message>
    <message>
        <source>Close after a call:</source>
        <translation>Cerrar tras una llamada:</translation>
    </message>
    <message>
        <source>Missed-call card:</source>
        <translation>Tarjeta de llamada perdida:</translation>
    </message>
    <message>
        <source>Screen:</source>
        <translation>Pantalla:</translation>
    </message>
    <message>
        <source>Corner:</source>
        <translation>Esquina:</translation>
    </message>
    <message>
        <source>At login:</source>
        <translation>Al iniciar sesión:</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Idioma:</translation>
    </message>
    <message>
        <source>The name or IP address of your Grandstream UCM phone system, as in your browser's address bar (without https://).</source>
        <translation>El nombre o la dirección IP de su centralita Grandstream UCM, como en la barra de direcciones del navegador (sin https://).</translation>
    </message>
    <message>
        <source>The UCM's web (HTTPS) port: 8089 unless your administrator changed it.</source>
        <translation>El puerto web (HTTPS) del UCM: 8089 salvo que su administrador lo haya cambiado.</translation>
    </message>
    <message>
        <source>A user of the UCM's web interface that may see call status; ask your administrator.</source>
        <translation>Un usuario de la interfaz web del UCM que pueda ver el estado de las llamadas; pregunte a su administrador.</translation>
    </message>
    <message>
        <source>That UCM user's password.</source>
        <translation>La contraseña de ese usuario del UCM.</translation>
    </message>
    <message>
        <source>Your own phone's extension number: calls that ring it pop up on this computer.</source>
        <translation>La extensión de su propio teléfono: las llamadas que lo hacen sonar aparecen en este equipo.</translation>
    </message>
    <message>
        <source>Pinned (trusted), and the UCM presents this one:</source>
        <translation>Fijado (de confianza), y el UCM presenta este:</translation>
    </message>
    <message>
        <source>Enter only the address, like pbx.example.com (no https://, no /)</source>
        <translation>Introduzca solo la dirección, por ejemplo pbx.example.com (sin https://, sin /)</translation>
    </message>
    <message>
        <source>No file there: choose an existing PEM file, or leave it empty</source>
        <translation>No hay ningún archivo ahí: elija un archivo PEM existente o déjelo vacío</translation>
    </message>
    <message>
        <source>Enter your extension number, like 1002</source>
        <translation>Introduzca su extensión, por ejemplo 1002</translation>
    </message>
    <message>
        <source>An extension is a number, like 1002</source>
        <translation>Una extensión es un número, por ejemplo 1002</translation>
    </message>
    <message>
        <source>unnamed</source>
        <translation>sin nombre</translation>
    </message>
    <message>
        <source>Screen %1: %2 (%3 x %4)</source>
        <translation>Pantalla %1: %2 (%3 x %4)</translation>
    </message>
    <message>
        <source>, the main screen</source>
        <translation>, la pantalla principal</translation>
    </message>
    <message>
        <source>Screen %1 (not connected now)</source>
        <translation>Pantalla %1 (no conectada ahora)</translation>
    </message>
    <message>
        <source>Ringing shows who calls before you pick up; answering keeps the screen quiet until you take the call.</source>
        <translation>Al sonar ve quién llama antes de descolgar; al contestar, la pantalla queda tranquila hasta que coge la llamada.</translation>
    </message>
    <message>
        <source>Off: only calls from outside (customers) pop up.</source>
        <translation>Desactivado: solo aparecen las llamadas externas (clientes).</translation>
    </message>
    <message>
        <source>On: a call you dial, from the phone or this computer, shows whom you call.</source>
        <translation>Activado: una llamada que marque, desde el teléfono o este equipo, muestra a quién llama.</translation>
    </message>
    <message>
        <source>How long the popup stays after a call you answered has ended.</source>
        <translation>Cuánto tiempo queda la ventana tras terminar una llamada contestada.</translation>
    </message>
    <message>
        <source>How long a missed call's card stays; it also stays in the recent calls list.</source>
        <translation>Cuánto tiempo queda la tarjeta de una llamada perdida; también sigue en la lista de llamadas recientes.</translation>
    </message>
    <message>
        <source>The corner of that screen where popups appear.</source>
        <translation>La esquina de esa pantalla donde aparecen las ventanas.</translation>
    </message>
    <message>
        <source>The language of the popups, the tray menu and this dialog; it applies when you Save.</source>
        <translation>El idioma de las ventanas, del menú de la bandeja y de este diálogo; se aplica al guardar.</translation>
    </message>
    <message>
        <source>The desktop's language (%1)</source>
        <translation>El idioma del escritorio (%1)</translation>
    </message>
    <message>
        <source>Pinned (trusted):</source>
        <translation>Fijado (de confianza):</translation>
    </message>
    <message>
        <source>None pinned: the UCM's certificate must be signed by an authority this computer trusts.</source>
        <translation>Ninguno fijado: el certificado del UCM debe estar firmado por una autoridad de confianza de este equipo.</translation>
    </message>
    <message>
        <source>The UCM presents:</source>
        <translation>El UCM presenta:</translation>
    </message>
    <message>
        <source>An address has no spaces, like pbx.example.com or 192.168.1.10</source>
        <translation>Una dirección no tiene espacios, por ejemplo pbx.example.com o 192.168.1.10</translation>
    </message>
    <message>
        <source>Put the port in the Web port field, not after the address</source>
        <translation>Ponga el puerto en el campo Puerto web, no tras la dirección</translation>
    </message>
    <message>
        <source>This computer logs in to the UCM itself, with a UCM user and password.</source>
        <translation>Este equipo inicia sesión en el UCM por sí mismo, con un usuario y contraseña del UCM.</translation>
    </message>
    <message>
        <source>Your administrator runs a site relay: this computer gets its calls through the company's message broker and needs no UCM password.</source>
        <translation>Su administrador gestiona un relé del sitio: este equipo recibe sus llamadas a través del bróker de mensajes de la empresa y no necesita contraseña del UCM.</translation>
    </message>
    <message>
        <source>Directly to the UCM</source>
        <translation>Directamente al UCM</translation>
    </message>
    <message>
        <source>Through the site relay</source>
        <translation>A través del relé del sitio</translation>
    </message>
    <message>
        <source>Broker:</source>
        <translation>Bróker:</translation>
    </message>
    <message>
        <source>Broker user:</source>
        <translation>Usuario del bróker:</translation>
    </message>
    <message>
        <source>Broker password:</source>
        <translation>Contraseña del bróker:</translation>
    </message>
    <message>
        <source>Site prefix:</source>
        <translation>Prefijo del sitio:</translation>
    </message>
    <message>
        <source>Test the relay</source>
        <translation>Probar el relé</translation>
    </message>
    <message>
        <source>Log in to the broker with these settings and read the relay's status</source>
        <translation>Iniciar sesión en el bróker con estos ajustes y leer el estado del relé</translation>
    </message>
    <message>
        <source>Calls come:</source>
        <translation>Las llamadas llegan:</translation>
    </message>
    <message>
        <source>Enter the broker's address, like mqtts://broker.example.com:8883</source>
        <translation>Introduzca la dirección del bróker, por ejemplo mqtts://broker.example.com:8883</translation>
    </message>
    <message>
        <source>Enter your broker user, usually your extension</source>
        <translation>Introduzca su usuario del bróker, normalmente su extensión</translation>
    </message>
    <message>
        <source>Enter that broker user's password</source>
        <translation>Introduzca la contraseña de ese usuario del bróker</translation>
    </message>
    <message>
        <source>Enter the site's prefix, like ucm-popup</source>
        <translation>Introduzca el prefijo del sitio, por ejemplo ucm-popup</translation>
    </message>
    <message>
        <source>The message broker's address, from your administrator (mqtts:// is encrypted).</source>
        <translation>La dirección del bróker de mensajes, que le da su administrador (mqtts:// va cifrado).</translation>
    </message>
    <message>
        <source>Your broker user: usually your extension number.</source>
        <translation>Su usuario del bróker: normalmente su extensión.</translation>
    </message>
    <message>
        <source>That broker user's password.</source>
        <translation>La contraseña de ese usuario del bróker.</translation>
    </message>
    <message>
        <source>The site's name on the broker; leave ucm-popup unless told otherwise.</source>
        <translation>El nombre del sitio en el bróker; deje ucm-popup salvo que le indiquen otra cosa.</translation>
    </message>
    <message>
        <source>Optional: a PEM file with the certificate authority that signed the broker's certificate.</source>
        <translation>Opcional: un archivo PEM con la autoridad de certificación que firmó el certificado del bróker.</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <source>Show what you typed</source>
        <translation>Mostrar lo que ha escrito</translation>
    </message>
    <message>
        <source>cannot be saved on this computer</source>
        <translation>no se puede guardar en este equipo</translation>
    </message>
    <message>
        <source>Taken from the environment variable %1.</source>
        <translation>Tomado de la variable de entorno %1.</translation>
    </message>
    <message>
        <source>No keyring on this computer, so this cannot be saved here: set the environment variable %1 instead.</source>
        <translation>No hay llavero en este equipo, así que no se puede guardar aquí: defina en su lugar la variable de entorno %1.</translation>
    </message>
    <message>
        <source>set by the environment</source>
        <translation>definido por el entorno</translation>
    </message>
    <message>
        <source>Taken from the environment variable %1, which wins over the keyring. What you type here goes to the keyring.</source>
        <translation>Tomado de la variable de entorno %1, que prevalece sobre el llavero. Lo que escriba aquí va al llavero.</translation>
    </message>
    <message>
        <source>New value: it replaces the one in the keyring when you Save.</source>
        <translation>Valor nuevo: sustituye al del llavero al guardar.</translation>
    </message>
    <message>
        <source>•••••••• saved in the keyring; type to replace</source>
        <translation>•••••••• guardado en el llavero; escriba para sustituirlo</translation>
    </message>
    <message>
        <source>Saved in the system keyring. Leave empty to keep it.</source>
        <translation>Guardado en el llavero del sistema. Déjelo vacío para conservarlo.</translation>
    </message>
    <message>
        <source>Goes to the system keyring when you Save, never in the settings file.</source>
        <translation>Va al llavero del sistema al guardar, nunca al archivo de ajustes.</translation>
    </message>
    <message>
        <source>Kept in the system keyring, never in the settings file.</source>
        <translation>Se guarda en el llavero del sistema, nunca en el archivo de ajustes.</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>ringing</source>
        <translation>sonando</translation>
    </message>
    <message>
        <source>on call</source>
        <translation>en llamada</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>perdida</translation>
    </message>
    <message>
        <source>answered elsewhere</source>
        <translation>contestada en otro puesto</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>contestada</translation>
    </message>
    <message>
        <source>not answered</source>
        <translation>no contestada</translation>
    </message>
    <message>
        <source>CRM index: not synced yet</source>
        <translation>Índice del CRM: aún sin sincronizar</translation>
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
        <translation>Índice del CRM: %1, sincronizado %2</translation>
    </message>
    <message>
        <source>; sync failing: %1</source>
        <translation>; la sincronización falla: %1</translation>
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
        <translation>justo ahora</translation>
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
            <numerusform>%n día</numerusform>
            <numerusform>%n días</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation>hace %1</translation>
    </message>
    <message>
        <source>&amp;Menu</source>
        <translation>&amp;Menú</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Menú</translation>
    </message>
    <message>
        <source>This desktop has no system tray, so ucm-popup shows this window instead. Closing it quits ucm-popup.</source>
        <translation>Este escritorio no tiene bandeja del sistema, así que ucm-popup muestra esta ventana. Al cerrarla se cierra ucm-popup.</translation>
    </message>
    <message>
        <source>&amp;Recent calls</source>
        <translation>Llamadas &amp;recientes</translation>
    </message>
    <message>
        <source>&amp;Pause popups</source>
        <translation>&amp;Pausar ventanas</translation>
    </message>
    <message>
        <source>Reset popup p&amp;osition</source>
        <translation>Restablecer p&amp;osición de ventanas</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>A&amp;justes…</translation>
    </message>
    <message>
        <source>&amp;About ucm-popup</source>
        <translation>Acerca &amp;de ucm-popup</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Call back</source>
        <translation>&amp;Devolver la llamada</translation>
    </message>
    <message>
        <source>Number copied</source>
        <translation>Número copiado</translation>
    </message>
    <message>
        <source>outgoing, %1</source>
        <translation>saliente, %1</translation>
    </message>
    <message>
        <source>transferred to %1</source>
        <translation>transferida a %1</translation>
    </message>
    <message>
        <source>Writing to the CRM failed</source>
        <translation>Falló la escritura en el CRM</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n registro</numerusform>
            <numerusform>%n registros</numerusform>
        </translation>
    </message>
    <message>
        <source> (retry in %1)</source>
        <translation> (reintento en %1)</translation>
    </message>
    <message>
        <source>&amp;Focus the latest popup</source>
        <translation>Ir a la ú&amp;ltima ventana</translation>
    </message>
    <message>
        <source>&amp;Dial…</source>
        <translation>&amp;Marcar…</translation>
    </message>
    <message>
        <source>Ring &amp;me (demo)</source>
        <translation>&amp;Hacerme sonar (demo)</translation>
    </message>
    <message>
        <source>No calls yet</source>
        <translation>Aún no hay llamadas</translation>
    </message>
    <message>
        <source> (extension %1)</source>
        <translation> (extensión %1)</translation>
    </message>
    <message>
        <source>Popups are paused</source>
        <translation>Las ventanas están en pausa</translation>
    </message>
    <message>
        <source>%1 is on the clipboard</source>
        <translation>%1 está en el portapapeles</translation>
    </message>
    <message numerus="yes">
        <source>%n call(s) waiting to be written</source>
        <translation>
            <numerusform>%n llamada pendiente de escribir</numerusform>
            <numerusform>%n llamadas pendientes de escribir</numerusform>
        </translation>
    </message>
    <message>
        <source>Zoho requires the field %1: ask your Zoho admin to make it optional or give it a default</source>
        <translation>Zoho exige el campo %1: pida a su administrador de Zoho que lo haga opcional o le dé un valor predeterminado</translation>
    </message>
    <message>
        <source>Open the record in the CRM</source>
        <translation>Abrir el registro en el CRM</translation>
    </message>
    <message>
        <source>Copy the number</source>
        <translation>Copiar el número</translation>
    </message>
    <message>
        <source>Site relay %1 is active</source>
        <translation>Relé del sitio %1 activo</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>Último error: %1</translation>
    </message>
</context>
</TS>
