<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt">
<context>
    <name>App</name>
    <message>
        <source>About ucm-popup</source>
        <translation>Acerca do ucm-popup</translation>
    </message>
    <message>
        <source>ucm-popup is already running</source>
        <translation>O ucm-popup já está em execução</translation>
    </message>
    <message>
        <source>run with -v for details</source>
        <translation>execute com -v para ver detalhes</translation>
    </message>
    <message>
        <source>ucm-popup hit an error</source>
        <translation>O ucm-popup encontrou um erro</translation>
    </message>
    <message>
        <source>Could not open the browser</source>
        <translation>Não foi possível abrir o navegador</translation>
    </message>
    <message>
        <source>Dialling %1</source>
        <translation>A marcar %1</translation>
    </message>
    <message>
        <source>Pick up your phone (extension %1) when it rings</source>
        <translation>Atenda o seu telefone (extensão %1) quando tocar</translation>
    </message>
    <message>
        <source>Demo mode</source>
        <translation>Modo de demonstração</translation>
    </message>
    <message>
        <source>The demo runs on built-in settings; start ucm-popup without --demo to set up your own UCM and CRM.</source>
        <translation>A demonstração usa definições incorporadas; inicie o ucm-popup sem --demo para configurar o seu UCM e CRM.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Definições</translation>
    </message>
    <message>
        <source>details in %1</source>
        <translation>detalhes em %1</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>não definido</translation>
    </message>
    <message>
        <source>Settings: %1</source>
        <translation>Definições: %1</translation>
    </message>
    <message>
        <source>Log: %1</source>
        <translation>Registo: %1</translation>
    </message>
    <message>
        <source>Caller popups with Zoho CRM records for Grandstream UCM extensions.</source>
        <translation>Janelas de chamada com os registos do Zoho CRM para extensões Grandstream UCM.</translation>
    </message>
    <message>
        <source>Open source (MIT licence).</source>
        <translation>Código aberto (licença MIT).</translation>
    </message>
    <message>
        <source>Could not dial</source>
        <translation>Não foi possível marcar</translation>
    </message>
    <message>
        <source>Edit %1 and restart ucm-popup</source>
        <translation>Edite %1 e reinicie o ucm-popup</translation>
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
        <translation>Número a ligar</translation>
    </message>
    <message>
        <source>Your phone rings first; pick it up and the UCM calls the number</source>
        <translation>Primeiro toca o seu telefone; atenda e o UCM liga para o número</translation>
    </message>
    <message>
        <source>What will be dialled</source>
        <translation>O que será marcado</translation>
    </message>
    <message>
        <source>&amp;Dial</source>
        <translation>&amp;Ligar</translation>
    </message>
    <message>
        <source>Dialling…</source>
        <translation>A marcar…</translation>
    </message>
    <message>
        <source>Number to call. Your phone (extension %1) rings first; pick it up and the UCM calls the number.</source>
        <translation>Número a ligar. Primeiro toca o seu telefone (extensão %1); atenda e o UCM liga para o número.</translation>
    </message>
    <message>
        <source>The UCM will dial %1</source>
        <translation>O UCM vai marcar %1</translation>
    </message>
</context>
<context>
    <name>TrayState</name>
    <message>
        <source>Connected</source>
        <translation>Ligado</translation>
    </message>
    <message>
        <source>Connecting to the UCM…</source>
        <translation>A ligar ao UCM…</translation>
    </message>
    <message>
        <source>Reconnecting to the UCM…</source>
        <translation>A religar ao UCM…</translation>
    </message>
    <message>
        <source>UCM login refused</source>
        <translation>Início de sessão no UCM recusado</translation>
    </message>
    <message>
        <source>Cannot use the UCM</source>
        <translation>Não é possível usar o UCM</translation>
    </message>
    <message>
        <source>CRM lookups failing</source>
        <translation>As pesquisas no CRM falham</translation>
    </message>
    <message>
        <source>Popups paused</source>
        <translation>Janelas em pausa</translation>
    </message>
    <message>
        <source>Not configured</source>
        <translation>Não configurado</translation>
    </message>
    <message>
        <source>Site relay offline</source>
        <translation>Relé do local offline</translation>
    </message>
    <message>
        <source>The site relay lost the UCM</source>
        <translation>O relé do local perdeu o UCM</translation>
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
        <translation>Potencial cliente</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Conta</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Fechar</translation>
    </message>
    <message>
        <source>Note for the CRM (saved with the call)</source>
        <translation>Nota para o CRM (guardada com a chamada)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Note saved to the CRM</source>
        <translation>Nota guardada no CRM</translation>
    </message>
    <message>
        <source>Looking up in the CRM…</source>
        <translation>A procurar no CRM…</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Ligar</translation>
    </message>
    <message>
        <source>Ring my phone, then call this number</source>
        <translation>Tocar o meu telefone e depois ligar para este número</translation>
    </message>
    <message>
        <source>Unknown caller</source>
        <translation>Chamador desconhecido</translation>
    </message>
    <message>
        <source>%1 — Missed call — ucm-popup</source>
        <translation>%1 — Chamada perdida — ucm-popup</translation>
    </message>
    <message>
        <source>%1 — Call — ucm-popup</source>
        <translation>%1 — Chamada — ucm-popup</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Responsável</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefone</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>Telemóvel</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Linha</translation>
    </message>
    <message>
        <source>Open in CRM</source>
        <translation>Abrir no CRM</translation>
    </message>
    <message>
        <source>Create contact</source>
        <translation>Criar contacto</translation>
    </message>
    <message>
        <source>Create lead</source>
        <translation>Criar potencial cliente</translation>
    </message>
    <message>
        <source>Call back</source>
        <translation>Ligar de volta</translation>
    </message>
    <message>
        <source>Save note</source>
        <translation>Guardar nota</translation>
    </message>
    <message>
        <source>Close this popup (Escape)</source>
        <translation>Fechar esta janela (Esc)</translation>
    </message>
    <message>
        <source>Matching records</source>
        <translation>Registos correspondentes</translation>
    </message>
    <message>
        <source>Several CRM records have this number: pick one</source>
        <translation>Vários registos do CRM têm este número: escolha um</translation>
    </message>
    <message>
        <source>Call the phone number</source>
        <translation>Ligar para o telefone</translation>
    </message>
    <message>
        <source>Call the mobile number</source>
        <translation>Ligar para o telemóvel</translation>
    </message>
    <message>
        <source>Note for the CRM</source>
        <translation>Nota para o CRM</translation>
    </message>
    <message>
        <source>Save the note with the call in the CRM</source>
        <translation>Guardar a nota com a chamada no CRM</translation>
    </message>
    <message>
        <source>Open the caller's record in the CRM in the browser</source>
        <translation>Abrir o registo de quem liga no CRM, no navegador</translation>
    </message>
    <message>
        <source>Create a contact for this number in the CRM</source>
        <translation>Criar um contacto para este número no CRM</translation>
    </message>
    <message>
        <source>Create a lead for this number in the CRM</source>
        <translation>Criar um potencial cliente para este número no CRM</translation>
    </message>
    <message>
        <source>Ring my phone, then call the caller back</source>
        <translation>Tocar o meu telefone e depois ligar de volta a quem ligou</translation>
    </message>
    <message>
        <source>Call status</source>
        <translation>Estado da chamada</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>Chamador</translation>
    </message>
    <message>
        <source>Internal call</source>
        <translation>Chamada interna</translation>
    </message>
    <message>
        <source>Incoming call</source>
        <translation>Chamada recebida</translation>
    </message>
    <message>
        <source>Transferred call</source>
        <translation>Chamada transferida</translation>
    </message>
    <message>
        <source>Calling %1</source>
        <translation>A ligar para %1</translation>
    </message>
    <message>
        <source>⚠ CRM lookup failed: %1</source>
        <translation>⚠ A pesquisa no CRM falhou: %1</translation>
    </message>
    <message>
        <source>Transferred to %1</source>
        <translation>Transferida para %1</translation>
    </message>
    <message>
        <source>Not answered</source>
        <translation>Não atendida</translation>
    </message>
    <message>
        <source>On call · %1</source>
        <translation>Em chamada · %1</translation>
    </message>
    <message>
        <source>No match in the CRM for this number</source>
        <translation>Nenhum registo no CRM para este número</translation>
    </message>
    <message>
        <source>Answered on another extension</source>
        <translation>Atendida noutra extensão</translation>
    </message>
    <message>
        <source>transferred by %1</source>
        <translation>transferida por %1</translation>
    </message>
    <message>
        <source>queue %1</source>
        <translation>fila %1</translation>
    </message>
    <message>
        <source>Call ended · %1</source>
        <translation>Chamada terminada · %1</translation>
    </message>
    <message>
        <source>Missed call · %1</source>
        <translation>Chamada perdida · %1</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Zoho's v1 API is read-only here (Zoho ended v1 writes in 2019): calls are written and callers added with Zoho CRM (v2) only.</source>
        <translation>A API v1 do Zoho é aqui só de leitura (o Zoho terminou as escritas v1 em 2019): as chamadas são registadas e os chamadores adicionados apenas com o Zoho CRM (v2).</translation>
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
        <translation>Índia (zoho.in)</translation>
    </message>
    <message>
        <source>Australia (zoho.com.au)</source>
        <translation>Austrália (zoho.com.au)</translation>
    </message>
    <message>
        <source>China (zoho.com.cn)</source>
        <translation>China (zoho.com.cn)</translation>
    </message>
    <message>
        <source>Japan (zoho.jp)</source>
        <translation>Japão (zoho.jp)</translation>
    </message>
    <message>
        <source>Canada (zohocloud.ca)</source>
        <translation>Canadá (zohocloud.ca)</translation>
    </message>
    <message>
        <source>Saudi Arabia (zoho.sa)</source>
        <translation>Arábia Saudita (zoho.sa)</translation>
    </message>
    <message>
        <source>None: show only the number and name the UCM gives</source>
        <translation>Nenhum: mostrar só o número e o nome dados pelo UCM</translation>
    </message>
    <message>
        <source>Zoho CRM, old v1 API (legacy, end of life)</source>
        <translation>Zoho CRM, API v1 antiga (obsoleta, descontinuada)</translation>
    </message>
    <message>
        <source>Don't add them</source>
        <translation>Não os adicionar</translation>
    </message>
    <message>
        <source>as a new Lead</source>
        <translation>como novo potencial cliente</translation>
    </message>
    <message>
        <source>as a new Contact</source>
        <translation>como novo contacto</translation>
    </message>
    <message>
        <source>Use https:// (plain http:// is only allowed for this computer's own address)</source>
        <translation>Use https:// (http:// só é permitido para o endereço deste computador)</translation>
    </message>
    <message>
        <source>Enter a full address starting with https://, like %1</source>
        <translation>Introduza um endereço completo começado por https://, por exemplo %1</translation>
    </message>
    <message>
        <source>Enter the address, like %1</source>
        <translation>Introduza o endereço, por exemplo %1</translation>
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
        <translation>Procurar antes neste módulo</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Descer</translation>
    </message>
    <message>
        <source>Search this module later</source>
        <translation>Procurar depois neste módulo</translation>
    </message>
    <message>
        <source>Where to look for the caller, top first. Tick the record types your team keeps phone numbers in.</source>
        <translation>Onde procurar quem liga, de cima para baixo. Marque os tipos de registo onde a equipa guarda os números.</translation>
    </message>
    <message>
        <source>Your country: numbers the UCM gives without a country code are read as this country's.</source>
        <translation>O seu país: os números sem indicativo dados pelo UCM são lidos como deste país.</translation>
    </message>
    <message>
        <source>Search in:</source>
        <translation>Procurar em:</translation>
    </message>
    <message>
        <source>Country:</source>
        <translation>País:</translation>
    </message>
    <message>
        <source>a customer's phone number, like +33 6 12 34 56 78</source>
        <translation>o número de um cliente, p. ex. +351 912 345 678</translation>
    </message>
    <message>
        <source>Test lookup</source>
        <translation>Testar a pesquisa</translation>
    </message>
    <message>
        <source>Look this number up in the CRM with these settings</source>
        <translation>Procurar este número no CRM com estas definições</translation>
    </message>
    <message>
        <source>Type a number you know is in the CRM, then Test lookup.</source>
        <translation>Escreva um número que sabe estar no CRM e depois Testar a pesquisa.</translation>
    </message>
    <message>
        <source>Try a number:</source>
        <translation>Testar um número:</translation>
    </message>
    <message>
        <source>Log every call of my extension in Zoho CRM (Calls)</source>
        <translation>Registar cada chamada da minha extensão no Zoho CRM (Chamadas)</translation>
    </message>
    <message>
        <source>Answered, outgoing and missed calls appear in Zoho's call reports, with your note.</source>
        <translation>As chamadas atendidas, efetuadas e perdidas aparecem nos relatórios de chamadas do Zoho, com a sua nota.</translation>
    </message>
    <message>
        <source>A caller the CRM does not know becomes a record, shown in the popup.</source>
        <translation>Quem liga e não está no CRM passa a ser um registo, mostrado na janela.</translation>
    </message>
    <message>
        <source>Write calls:</source>
        <translation>Registar chamadas:</translation>
    </message>
    <message>
        <source>Unknown callers:</source>
        <translation>Chamadores desconhecidos:</translation>
    </message>
    <message>
        <source>Other: the addresses under Advanced</source>
        <translation>Outro: os endereços em Avançado</translation>
    </message>
    <message>
        <source>Where your Zoho account lives: the end of the address you log in at, e.g. crm.zoho.eu is Europe.</source>
        <translation>Onde está a sua conta Zoho: o fim do endereço onde inicia sessão, p. ex. crm.zoho.eu é a Europa.</translation>
    </message>
    <message>
        <source>Zoho's API address for this data centre.</source>
        <translation>O endereço da API do Zoho para este centro de dados.</translation>
    </message>
    <message>
        <source>Zoho's sign-in (OAuth) server for this data centre.</source>
        <translation>O servidor de início de sessão (OAuth) do Zoho para este centro de dados.</translation>
    </message>
    <message>
        <source>Where "Open in CRM" opens records.</source>
        <translation>Onde «Abrir no CRM» abre os registos.</translation>
    </message>
    <message>
        <source>API:</source>
        <translation>API:</translation>
    </message>
    <message>
        <source>Accounts:</source>
        <translation>Contas:</translation>
    </message>
    <message>
        <source>Web:</source>
        <translation>Web:</translation>
    </message>
    <message>
        <source>Advanced: the data centre's addresses</source>
        <translation>Avançado: os endereços do centro de dados</translation>
    </message>
    <message>
        <source>From your Self Client in the Zoho API console (steps below); it starts with 1000.</source>
        <translation>Do seu Self Client na consola de API do Zoho (passos abaixo); começa por 1000.</translation>
    </message>
    <message>
        <source>Shown next to the Client ID in the Zoho API console.</source>
        <translation>Mostrado ao lado do Client ID na consola de API do Zoho.</translation>
    </message>
    <message>
        <source>Lets this app read the CRM without your Zoho password. Get one below.</source>
        <translation>Permite a esta aplicação ler o CRM sem a sua palavra-passe Zoho. Obtenha-o abaixo.</translation>
    </message>
    <message>
        <source>Data centre:</source>
        <translation>Centro de dados:</translation>
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
        <translation>Token de atualização:</translation>
    </message>
    <message>
        <source>Get refresh token</source>
        <translation>Obter token de atualização</translation>
    </message>
    <message>
        <source>The permissions this app needs: reading, and writing calls if you chose to</source>
        <translation>As permissões de que a aplicação precisa: leitura e, se escolheu, escrita de chamadas</translation>
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
        <translation>cole aqui o código, p. ex. 1000.a1b2c3…</translation>
    </message>
    <message>
        <source>The code Zoho shows after Create; it works once, for a few minutes</source>
        <translation>O código que o Zoho mostra após Create; serve uma vez, durante poucos minutos</translation>
    </message>
    <message>
        <source>Code from Zoho</source>
        <translation>Código do Zoho</translation>
    </message>
    <message>
        <source>Add Client → &lt;b&gt;Self Client&lt;/b&gt; → Create (once). Copy its Client ID and Client Secret into the fields above.</source>
        <translation>Add Client → &lt;b&gt;Self Client&lt;/b&gt; → Create (uma vez). Copie o Client ID e o Client Secret para os campos acima.</translation>
    </message>
    <message>
        <source>On the &lt;b&gt;Generate Code&lt;/b&gt; tab, paste the scopes below, pick 10 minutes, type any description and press Create (choose your CRM organisation if asked).</source>
        <translation>No separador &lt;b&gt;Generate Code&lt;/b&gt;, cole os scopes abaixo, escolha 10 minutos, escreva uma descrição qualquer e prima Create (escolha a sua organização do CRM se pedido).</translation>
    </message>
    <message>
        <source>Copy the code Zoho shows, paste it here and press &lt;b&gt;Get refresh token&lt;/b&gt;.</source>
        <translation>Copie o código que o Zoho mostra, cole-o aqui e prima &lt;b&gt;Obter token de atualização&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>Legacy: Zoho has retired the v1 API and its auth tokens (end of life). Use it only if your CRM still accepts them; otherwise choose Zoho CRM above.</source>
        <translation>Obsoleto: o Zoho retirou a API v1 e os seus tokens de autenticação. Use-a só se o seu CRM ainda os aceitar; caso contrário escolha Zoho CRM acima.</translation>
    </message>
    <message>
        <source>CRM server address: https://crm.zoho.com, .eu, .in, .com.au or .com.cn, as in your browser.</source>
        <translation>Endereço do servidor CRM: https://crm.zoho.com, .eu, .in, .com.au ou .com.cn, como no navegador.</translation>
    </message>
    <message>
        <source>The v1 auth token from Zoho CRM's settings (a long hexadecimal string).</source>
        <translation>O token de autenticação v1 das definições do Zoho CRM (uma longa cadeia hexadecimal).</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Servidor:</translation>
    </message>
    <message>
        <source>Auth token:</source>
        <translation>Token de autenticação:</translation>
    </message>
    <message>
        <source>Tick at least one module to search</source>
        <translation>Marque pelo menos um módulo onde procurar</translation>
    </message>
    <message>
        <source>Some of the data centre's addresses are wrong: see Advanced</source>
        <translation>Alguns endereços do centro de dados estão errados: veja Avançado</translation>
    </message>
    <message>
        <source>Paste the Client ID of your Self Client (it starts with 1000.)</source>
        <translation>Cole o Client ID do seu Self Client (começa por 1000.)</translation>
    </message>
    <message>
        <source>Paste the Client Secret shown next to the Client ID</source>
        <translation>Cole o Client Secret mostrado ao lado do Client ID</translation>
    </message>
    <message>
        <source>Get a refresh token with the steps below</source>
        <translation>Obtenha um token de atualização com os passos abaixo</translation>
    </message>
    <message>
        <source>The CRM where the popup looks the caller up; choose None if you use none.</source>
        <translation>O CRM onde a janela procura quem liga; escolha Nenhum se não usar nenhum.</translation>
    </message>
    <message>
        <source>Popups show the caller's number and the name the UCM gives, with no CRM lookup.</source>
        <translation>As janelas mostram o número e o nome dados pelo UCM, sem pesquisa no CRM.</translation>
    </message>
    <message>
        <source>Open the Zoho API console, &lt;a href='%1'&gt;%2&lt;/a&gt;, and sign in with your Zoho CRM account.</source>
        <translation>Abra a consola de API do Zoho, &lt;a href='%1'&gt;%2&lt;/a&gt;, e inicie sessão com a sua conta Zoho CRM.</translation>
    </message>
    <message>
        <source>Enter the v1 auth token</source>
        <translation>Introduza o token de autenticação v1</translation>
    </message>
    <message>
        <source>A client ID has no spaces: copy it again from the API console</source>
        <translation>Um Client ID não tem espaços: copie-o de novo da consola de API</translation>
    </message>
    <message>
        <source>The refresh token just received lacks %1: generate a new code with the scopes under Get refresh token.</source>
        <translation>Ao token de atualização recebido falta %1: gere um novo código com os scopes em Obter token de atualização.</translation>
    </message>
    <message>
        <source>Writing needs more permissions than reading: generate the refresh token's code with the scopes under Get refresh token (they include them).</source>
        <translation>Escrever exige mais permissões do que ler: gere o código do token com os scopes em Obter token de atualização (incluem-nas).</translation>
    </message>
    <message>
        <source>Zoho refused this app's writes: the refresh token lacks %1. Generate a new code with the scopes under Get refresh token.</source>
        <translation>O Zoho recusou as escritas desta aplicação: ao token de atualização falta %1. Gere um novo código com os scopes em Obter token de atualização.</translation>
    </message>
    <message>
        <source>Click-to-dial (optional): dial from the popup, the tray, the clipboard and tel: links</source>
        <translation>Marcação com um clique (opcional): marcar a partir da janela, da área de notificação, da área de transferência e de ligações tel:</translation>
    </message>
    <message>
        <source>Test dialling</source>
        <translation>Testar a marcação</translation>
    </message>
    <message>
        <source>Log in as the API user, as dialling will (nothing is dialled)</source>
        <translation>Iniciar sessão como o utilizador de API, tal como a marcação (nada é marcado)</translation>
    </message>
    <message>
        <source>API user:</source>
        <translation>Utilizador de API:</translation>
    </message>
    <message>
        <source>API password:</source>
        <translation>Palavra-passe de API:</translation>
    </message>
    <message>
        <source>Outside prefix:</source>
        <translation>Prefixo de saída:</translation>
    </message>
    <message>
        <source>International prefix:</source>
        <translation>Prefixo internacional:</translation>
    </message>
    <message>
        <source>Enter the API user whose password this is</source>
        <translation>Introduza o utilizador de API desta palavra-passe</translation>
    </message>
    <message>
        <source>The UCM's HTTPS-API user (UCM: Value-added Features, API Configuration), not the web user above. Leave empty not to dial from this computer.</source>
        <translation>O utilizador da API HTTPS do UCM (UCM: Value-added Features, API Configuration), não o utilizador web acima. Deixe vazio para não marcar a partir deste computador.</translation>
    </message>
    <message>
        <source>That API user's password.</source>
        <translation>A palavra-passe desse utilizador de API.</translation>
    </message>
    <message>
        <source>Digits your UCM's outbound routes need before an outside number, like 0 or 9; often none.</source>
        <translation>Dígitos que as rotas de saída do seu UCM exigem antes de um número externo, como 0 ou 9; muitas vezes nenhum.</translation>
    </message>
    <message>
        <source>How numbers of other countries are dialled from your country: 00 in most of the world, 011 from the US and Canada.</source>
        <translation>Como se marcam números de outros países a partir do seu: 00 em quase todo o mundo, 011 dos EUA e do Canadá.</translation>
    </message>
    <message>
        <source>Make UCM Popup the handler for phone links</source>
        <translation>Usar o UCM Popup para os links de telefone</translation>
    </message>
    <message>
        <source>tel: and callto: links in Safari, Mail and other apps will dial through your UCM instead of FaceTime</source>
        <translation>Os links tel: e callto: do Safari, do Mail e de outras apps vão ligar pela sua UCM em vez do FaceTime</translation>
    </message>
    <message>
        <source>tel: and callto: links now open UCM Popup</source>
        <translation>Os links tel: e callto: abrem agora o UCM Popup</translation>
    </message>
    <message>
        <source>Only digits, like 0 or 00</source>
        <translation>Só dígitos, como 0 ou 00</translation>
    </message>
    <message>
        <source>PBX</source>
        <translation>Central</translation>
    </message>
    <message>
        <source>CRM</source>
        <translation>CRM</translation>
    </message>
    <message>
        <source>Popup</source>
        <translation>Janela</translation>
    </message>
    <message>
        <source>ucm-popup settings</source>
        <translation>Definições do ucm-popup</translation>
    </message>
    <message>
        <source>Welcome to ucm-popup. Fill in the PBX page so that calls to your extension pop up, and the CRM page to see who is calling. Each page has a Test button; nothing is kept until you press Save.</source>
        <translation>Bem-vindo ao ucm-popup. Preencha a página Central para que as chamadas da sua extensão apareçam, e a página CRM para ver quem liga. Cada página tem um botão Testar; nada é guardado até premir Guardar.</translation>
    </message>
    <message>
        <source>Reading the keyring…</source>
        <translation>A ler o porta-chaves…</translation>
    </message>
    <message>
        <source>Asking Zoho for a refresh token…</source>
        <translation>A pedir ao Zoho um token de atualização…</translation>
    </message>
    <message>
        <source>Settings file: %1</source>
        <translation>Ficheiro de definições: %1</translation>
    </message>
    <message>
        <source>Needs a keyring to keep the refresh token</source>
        <translation>É preciso um porta-chaves para guardar o token de atualização</translation>
    </message>
    <message>
        <source>Fix the fields marked in red before saving (%1).</source>
        <translation>Corrija os campos assinalados a vermelho antes de guardar (%1).</translation>
    </message>
    <message>
        <source>Testing: logging in to %1:%2 as %3</source>
        <translation>A testar: a iniciar sessão em %1:%2 como %3</translation>
    </message>
    <message>
        <source>Fill in the fields marked in red first.</source>
        <translation>Preencha primeiro os campos assinalados a vermelho.</translation>
    </message>
    <message>
        <source>Testing: logging in to %1:%2…</source>
        <translation>A testar: a iniciar sessão em %1:%2…</translation>
    </message>
    <message>
        <source>Testing: logging in to %1…</source>
        <translation>A testar: a iniciar sessão em %1…</translation>
    </message>
    <message>
        <source>Enter the UCM's address first.</source>
        <translation>Introduza primeiro o endereço do UCM.</translation>
    </message>
    <message>
        <source>Type a phone number to look up first.</source>
        <translation>Escreva primeiro um número a procurar.</translation>
    </message>
    <message>
        <source>Looking up %1…</source>
        <translation>A procurar %1…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>A guardar…</translation>
    </message>
    <message>
        <source>First paste %1.</source>
        <translation>Cole primeiro %1.</translation>
    </message>
    <message>
        <source>The settings file %1 is not valid TOML: %2. Save keeps a copy of it beside the new file (.unreadable).</source>
        <translation>O ficheiro de definições %1 não é TOML válido: %2. Guardar mantém uma cópia ao lado do novo ficheiro (.unreadable).</translation>
    </message>
    <message>
        <source>Passwords and tokens cannot be saved: %1. ucm-popup never writes them to a plain file; environment variables still work.</source>
        <translation>Não é possível guardar palavras-passe e tokens: %1. O ucm-popup nunca os escreve num ficheiro simples; as variáveis de ambiente continuam a funcionar.</translation>
    </message>
    <message>
        <source>%1 (%2 to fix)</source>
        <translation>%1 (%2 a corrigir)</translation>
    </message>
    <message>
        <source>the Client ID</source>
        <translation>o Client ID</translation>
    </message>
    <message>
        <source>the Client Secret</source>
        <translation>o Client Secret</translation>
    </message>
    <message>
        <source>the code</source>
        <translation>o código</translation>
    </message>
    <message>
        <source>About the settings file %1:</source>
        <translation>Sobre o ficheiro de definições %1:</translation>
    </message>
    <message>
        <source>Nothing was saved: %1.</source>
        <translation>Nada foi guardado: %1.</translation>
    </message>
    <message>
        <source>Could not write %1: %2.</source>
        <translation>Não foi possível escrever %1: %2.</translation>
    </message>
    <message>
        <source>Settings saved, but starting at login could not be turned on: %1%2.</source>
        <translation>Definições guardadas, mas não foi possível ativar o arranque ao iniciar sessão: %1%2.</translation>
    </message>
    <message>
        <source>Settings saved, but starting at login could not be turned off: %1%2.</source>
        <translation>Definições guardadas, mas não foi possível desativar o arranque ao iniciar sessão: %1%2.</translation>
    </message>
    <message>
        <source>Where popups appear when you have several screens.</source>
        <translation>Onde aparecem as janelas se tiver vários ecrãs.</translation>
    </message>
    <message>
        <source>Top left</source>
        <translation>Em cima à esquerda</translation>
    </message>
    <message>
        <source>Top right</source>
        <translation>Em cima à direita</translation>
    </message>
    <message>
        <source>Bottom left</source>
        <translation>Em baixo à esquerda</translation>
    </message>
    <message>
        <source>Bottom right</source>
        <translation>Em baixo à direita</translation>
    </message>
    <message>
        <source>Adds ucm-popup to the programs Windows starts when you sign in (for you only).</source>
        <translation>Adiciona o ucm-popup aos programas que o Windows inicia ao iniciar sessão (só para si).</translation>
    </message>
    <message>
        <source>Adds ucm-popup to the programs macOS opens when you log in (for you only).</source>
        <translation>Adiciona o ucm-popup aos programas que o macOS abre ao iniciar sessão (só para si).</translation>
    </message>
    <message>
        <source>Adds an entry to your desktop's startup programs (%1); turning it off removes it.</source>
        <translation>Adiciona uma entrada aos programas de arranque do ambiente de trabalho (%1); desativar remove-a.</translation>
    </message>
    <message>
        <source>pbx.example.com or 192.168.1.10</source>
        <translation>pbx.example.com ou 192.168.1.10</translation>
    </message>
    <message>
        <source>UCM address:</source>
        <translation>Endereço do UCM:</translation>
    </message>
    <message>
        <source>Web port:</source>
        <translation>Porta web:</translation>
    </message>
    <message>
        <source>UCM user:</source>
        <translation>Utilizador do UCM:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Palavra-passe:</translation>
    </message>
    <message>
        <source>Your extension:</source>
        <translation>A sua extensão:</translation>
    </message>
    <message>
        <source>Show the UCM's certificate</source>
        <translation>Mostrar o certificado do UCM</translation>
    </message>
    <message>
        <source>Trust this certificate</source>
        <translation>Confiar neste certificado</translation>
    </message>
    <message>
        <source>Forget the pinned certificate</source>
        <translation>Esquecer o certificado fixado</translation>
    </message>
    <message>
        <source>Most UCMs use a certificate they made themselves. Compare its fingerprint with the one on the UCM's web page (or ask your administrator), then trust it.</source>
        <translation>A maioria dos UCM usa um certificado criado por si. Compare a impressão digital com a da página web do UCM (ou pergunte ao administrador) e depois confie nele.</translation>
    </message>
    <message>
        <source>Certificate:</source>
        <translation>Certificado:</translation>
    </message>
    <message>
        <source>Allow the older, weaker encryption of UCM62xx firmware</source>
        <translation>Permitir a encriptação antiga e mais fraca do firmware UCM62xx</translation>
    </message>
    <message>
        <source>Only for old UCMs the test cannot reach otherwise; newer UCMs never need it.</source>
        <translation>Só para UCM antigos que o teste não alcança de outra forma; os UCM recentes nunca precisam.</translation>
    </message>
    <message>
        <source>Old UCM:</source>
        <translation>UCM antigo:</translation>
    </message>
    <message>
        <source>Optional: a PEM file with your company's certificate authority, if it signed the UCM's certificate.</source>
        <translation>Opcional: um ficheiro PEM com a autoridade de certificação da empresa, se assinou o certificado do UCM.</translation>
    </message>
    <message>
        <source>CA file:</source>
        <translation>Ficheiro de AC:</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>Avançado</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Testar a ligação</translation>
    </message>
    <message>
        <source>Log in to the UCM with these settings and ask for call events, as the app will</source>
        <translation>Iniciar sessão no UCM com estas definições e pedir os eventos de chamada, como fará a aplicação</translation>
    </message>
    <message>
        <source>Enter the UCM's address, like pbx.example.com</source>
        <translation>Introduza o endereço do UCM, por exemplo pbx.example.com</translation>
    </message>
    <message>
        <source>Enter the UCM user name this app logs in with</source>
        <translation>Introduza o utilizador do UCM com que a aplicação inicia sessão</translation>
    </message>
    <message>
        <source>Enter the password of that UCM user</source>
        <translation>Introduza a palavra-passe desse utilizador do UCM</translation>
    </message>
    <message>
        <source>When my phone rings</source>
        <translation>Quando o meu telefone toca</translation>
    </message>
    <message>
        <source>When I answer the call</source>
        <translation>Quando atendo a chamada</translation>
    </message>
    <message>
        <source>Also for calls from colleagues' extensions</source>
        <translation>Também para chamadas de extensões de colegas</translation>
    </message>
    <message>
        <source>Also for calls I make ("Calling Jane Doe")</source>
        <translation>Também para as chamadas que faço («A ligar para Maria Silva»)</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>at once</source>
        <translation>de imediato</translation>
    </message>
    <message>
        <source>until I close it</source>
        <translation>até eu a fechar</translation>
    </message>
    <message>
        <source>Start ucm-popup when I log in</source>
        <translation>Iniciar o ucm-popup quando inicio sessão</translation>
    </message>
    <message>
        <source>Show the popup:</source>
        <translation>Mostrar a janela:</translation>
    </message>
    <message>
        <source>Internal calls:</source>
        <translation>Chamadas internas:</translation>
    </message>
    <message>
        <source>Outgoing calls:</source>
        <translation>Chamadas efetuadas:</translation>
    </message>
    <message>
        <source>Close after a call:</source>
        <translation>Fechar após uma chamada:</translation>
    </message>
    <message>
        <source>Missed-call card:</source>
        <translation>Cartão de chamada perdida:</translation>
    </message>
    <message>
        <source>Screen:</source>
        <translation>Ecrã:</translation>
    </message>
    <message>
        <source>Corner:</source>
        <translation>Canto:</translation>
    </message>
    <message>
        <source>At login:</source>
        <translation>Ao iniciar sessão:</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Idioma:</translation>
    </message>
    <message>
        <source>The name or IP address of your Grandstream UCM phone system, as in your browser's address bar (without https://).</source>
        <translation>O nome ou endereço IP da sua central Grandstream UCM, como na barra de endereços do navegador (sem https://).</translation>
    </message>
    <message>
        <source>The UCM's web (HTTPS) port: 8089 unless your administrator changed it.</source>
        <translation>A porta web (HTTPS) do UCM: 8089, salvo se o administrador a alterou.</translation>
    </message>
    <message>
        <source>A user of the UCM's web interface that may see call status; ask your administrator.</source>
        <translation>Um utilizador da interface web do UCM com acesso ao estado das chamadas; pergunte ao administrador.</translation>
    </message>
    <message>
        <source>That UCM user's password.</source>
        <translation>A palavra-passe desse utilizador do UCM.</translation>
    </message>
    <message>
        <source>Your own phone's extension number: calls that ring it pop up on this computer.</source>
        <translation>A extensão do seu telefone: as chamadas que o fazem tocar aparecem neste computador.</translation>
    </message>
    <message>
        <source>Pinned (trusted), and the UCM presents this one:</source>
        <translation>Fixado (de confiança), e o UCM apresenta este:</translation>
    </message>
    <message>
        <source>Enter only the address, like pbx.example.com (no https://, no /)</source>
        <translation>Introduza só o endereço, por exemplo pbx.example.com (sem https://, sem /)</translation>
    </message>
    <message>
        <source>No file there: choose an existing PEM file, or leave it empty</source>
        <translation>Não existe ficheiro aí: escolha um ficheiro PEM existente ou deixe vazio</translation>
    </message>
    <message>
        <source>Enter your extension number, like 1002</source>
        <translation>Introduza a sua extensão, por exemplo 1002</translation>
    </message>
    <message>
        <source>An extension is a number, like 1002</source>
        <translation>Uma extensão é um número, por exemplo 1002</translation>
    </message>
    <message>
        <source>unnamed</source>
        <translation>sem nome</translation>
    </message>
    <message>
        <source>Screen %1: %2 (%3 x %4)</source>
        <translation>Ecrã %1: %2 (%3 x %4)</translation>
    </message>
    <message>
        <source>, the main screen</source>
        <translation>, o ecrã principal</translation>
    </message>
    <message>
        <source>Screen %1 (not connected now)</source>
        <translation>Ecrã %1 (não ligado agora)</translation>
    </message>
    <message>
        <source>Ringing shows who calls before you pick up; answering keeps the screen quiet until you take the call.</source>
        <translation>Ao tocar vê quem liga antes de atender; ao atender, o ecrã fica tranquilo até pegar na chamada.</translation>
    </message>
    <message>
        <source>Off: only calls from outside (customers) pop up.</source>
        <translation>Desligado: só aparecem as chamadas externas (clientes).</translation>
    </message>
    <message>
        <source>On: a call you dial, from the phone or this computer, shows whom you call.</source>
        <translation>Ligado: uma chamada que marque, no telefone ou neste computador, mostra para quem liga.</translation>
    </message>
    <message>
        <source>How long the popup stays after a call you answered has ended.</source>
        <translation>Quanto tempo a janela fica após terminar uma chamada atendida.</translation>
    </message>
    <message>
        <source>How long a missed call's card stays; it also stays in the recent calls list.</source>
        <translation>Quanto tempo fica o cartão de uma chamada perdida; também fica na lista de chamadas recentes.</translation>
    </message>
    <message>
        <source>The corner of that screen where popups appear.</source>
        <translation>O canto desse ecrã onde aparecem as janelas.</translation>
    </message>
    <message>
        <source>The language of the popups, the tray menu and this dialog; it applies when you Save.</source>
        <translation>O idioma das janelas, do menu da área de notificação e desta janela; aplica-se ao guardar.</translation>
    </message>
    <message>
        <source>The desktop's language (%1)</source>
        <translation>O idioma do ambiente de trabalho (%1)</translation>
    </message>
    <message>
        <source>Pinned (trusted):</source>
        <translation>Fixado (de confiança):</translation>
    </message>
    <message>
        <source>None pinned: the UCM's certificate must be signed by an authority this computer trusts.</source>
        <translation>Nenhum fixado: o certificado do UCM tem de ser assinado por uma autoridade em que este computador confie.</translation>
    </message>
    <message>
        <source>The UCM presents:</source>
        <translation>O UCM apresenta:</translation>
    </message>
    <message>
        <source>An address has no spaces, like pbx.example.com or 192.168.1.10</source>
        <translation>Um endereço não tem espaços, por exemplo pbx.example.com ou 192.168.1.10</translation>
    </message>
    <message>
        <source>Put the port in the Web port field, not after the address</source>
        <translation>Ponha a porta no campo Porta web, não depois do endereço</translation>
    </message>
    <message>
        <source>This computer logs in to the UCM itself, with a UCM user and password.</source>
        <translation>Este computador inicia sessão no UCM por si, com um utilizador e palavra-passe do UCM.</translation>
    </message>
    <message>
        <source>Your administrator runs a site relay: this computer gets its calls through the company's message broker and needs no UCM password.</source>
        <translation>O administrador gere um relé do local: este computador recebe as chamadas através do broker de mensagens da empresa e não precisa de palavra-passe do UCM.</translation>
    </message>
    <message>
        <source>Directly to the UCM</source>
        <translation>Diretamente ao UCM</translation>
    </message>
    <message>
        <source>Through the site relay</source>
        <translation>Através do relé do local</translation>
    </message>
    <message>
        <source>Broker:</source>
        <translation>Broker:</translation>
    </message>
    <message>
        <source>Broker user:</source>
        <translation>Utilizador do broker:</translation>
    </message>
    <message>
        <source>Broker password:</source>
        <translation>Palavra-passe do broker:</translation>
    </message>
    <message>
        <source>Site prefix:</source>
        <translation>Prefixo do local:</translation>
    </message>
    <message>
        <source>Test the relay</source>
        <translation>Testar o relé</translation>
    </message>
    <message>
        <source>Log in to the broker with these settings and read the relay's status</source>
        <translation>Iniciar sessão no broker com estas definições e ler o estado do relé</translation>
    </message>
    <message>
        <source>Calls come:</source>
        <translation>As chamadas chegam:</translation>
    </message>
    <message>
        <source>Enter the broker's address, like mqtts://broker.example.com:8883</source>
        <translation>Introduza o endereço do broker, por exemplo mqtts://broker.example.com:8883</translation>
    </message>
    <message>
        <source>Enter your broker user, usually your extension</source>
        <translation>Introduza o seu utilizador do broker, normalmente a sua extensão</translation>
    </message>
    <message>
        <source>Enter that broker user's password</source>
        <translation>Introduza a palavra-passe desse utilizador do broker</translation>
    </message>
    <message>
        <source>Enter the site's prefix, like ucm-popup</source>
        <translation>Introduza o prefixo do local, por exemplo ucm-popup</translation>
    </message>
    <message>
        <source>The message broker's address, from your administrator (mqtts:// is encrypted).</source>
        <translation>O endereço do broker de mensagens, dado pelo administrador (mqtts:// é encriptado).</translation>
    </message>
    <message>
        <source>Your broker user: usually your extension number.</source>
        <translation>O seu utilizador do broker: normalmente a sua extensão.</translation>
    </message>
    <message>
        <source>That broker user's password.</source>
        <translation>A palavra-passe desse utilizador do broker.</translation>
    </message>
    <message>
        <source>The site's name on the broker; leave ucm-popup unless told otherwise.</source>
        <translation>O nome do local no broker; deixe ucm-popup salvo indicação em contrário.</translation>
    </message>
    <message>
        <source>Optional: a PEM file with the certificate authority that signed the broker's certificate.</source>
        <translation>Opcional: um ficheiro PEM com a autoridade de certificação que assinou o certificado do broker.</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <source>Show what you typed</source>
        <translation>Mostrar o que escreveu</translation>
    </message>
    <message>
        <source>cannot be saved on this computer</source>
        <translation>não pode ser guardado neste computador</translation>
    </message>
    <message>
        <source>Taken from the environment variable %1.</source>
        <translation>Obtido da variável de ambiente %1.</translation>
    </message>
    <message>
        <source>No keyring on this computer, so this cannot be saved here: set the environment variable %1 instead.</source>
        <translation>Não há porta-chaves neste computador, por isso não é possível guardar aqui: defina antes a variável de ambiente %1.</translation>
    </message>
    <message>
        <source>set by the environment</source>
        <translation>definido pelo ambiente</translation>
    </message>
    <message>
        <source>Taken from the environment variable %1, which wins over the keyring. What you type here goes to the keyring.</source>
        <translation>Obtido da variável de ambiente %1, que prevalece sobre o porta-chaves. O que escrever aqui vai para o porta-chaves.</translation>
    </message>
    <message>
        <source>New value: it replaces the one in the keyring when you Save.</source>
        <translation>Novo valor: substitui o do porta-chaves quando guardar.</translation>
    </message>
    <message>
        <source>•••••••• saved in the keyring; type to replace</source>
        <translation>•••••••• guardado no porta-chaves; escreva para substituir</translation>
    </message>
    <message>
        <source>Saved in the system keyring. Leave empty to keep it.</source>
        <translation>Guardado no porta-chaves do sistema. Deixe vazio para o manter.</translation>
    </message>
    <message>
        <source>Goes to the system keyring when you Save, never in the settings file.</source>
        <translation>Vai para o porta-chaves do sistema quando guardar, nunca para o ficheiro de definições.</translation>
    </message>
    <message>
        <source>Kept in the system keyring, never in the settings file.</source>
        <translation>Guardado no porta-chaves do sistema, nunca no ficheiro de definições.</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>ringing</source>
        <translation>a tocar</translation>
    </message>
    <message>
        <source>on call</source>
        <translation>em chamada</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>perdida</translation>
    </message>
    <message>
        <source>answered elsewhere</source>
        <translation>atendida noutro posto</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>atendida</translation>
    </message>
    <message>
        <source>not answered</source>
        <translation>não atendida</translation>
    </message>
    <message>
        <source>CRM index: not synced yet</source>
        <translation>Índice do CRM: ainda não sincronizado</translation>
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
        <translation>Índice do CRM: %1, sincronizado %2</translation>
    </message>
    <message>
        <source>; sync failing: %1</source>
        <translation>; a sincronização falha: %1</translation>
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
        <translation>agora mesmo</translation>
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
            <numerusform>%n dia</numerusform>
            <numerusform>%n dias</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation>há %1</translation>
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
        <translation>Este ambiente de trabalho não tem área de notificação, por isso o ucm-popup mostra esta janela. Fechá-la encerra o ucm-popup.</translation>
    </message>
    <message>
        <source>&amp;Recent calls</source>
        <translation>Chamadas &amp;recentes</translation>
    </message>
    <message>
        <source>&amp;Pause popups</source>
        <translation>&amp;Pausar janelas</translation>
    </message>
    <message>
        <source>Reset popup p&amp;osition</source>
        <translation>Repor p&amp;osição das janelas</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Definições…</translation>
    </message>
    <message>
        <source>&amp;About ucm-popup</source>
        <translation>Ac&amp;erca do ucm-popup</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Sair</translation>
    </message>
    <message>
        <source>&amp;Call back</source>
        <translation>&amp;Ligar de volta</translation>
    </message>
    <message>
        <source>Number copied</source>
        <translation>Número copiado</translation>
    </message>
    <message>
        <source>outgoing, %1</source>
        <translation>efetuada, %1</translation>
    </message>
    <message>
        <source>transferred to %1</source>
        <translation>transferida para %1</translation>
    </message>
    <message>
        <source>Writing to the CRM failed</source>
        <translation>A escrita no CRM falhou</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n registo</numerusform>
            <numerusform>%n registos</numerusform>
        </translation>
    </message>
    <message>
        <source> (retry in %1)</source>
        <translation> (nova tentativa em %1)</translation>
    </message>
    <message>
        <source>&amp;Focus the latest popup</source>
        <translation>Ir para a ú&amp;ltima janela</translation>
    </message>
    <message>
        <source>&amp;Dial…</source>
        <translation>&amp;Marcar…</translation>
    </message>
    <message>
        <source>Ring &amp;me (demo)</source>
        <translation>&amp;Tocar o meu (demo)</translation>
    </message>
    <message>
        <source>No calls yet</source>
        <translation>Ainda sem chamadas</translation>
    </message>
    <message>
        <source> (extension %1)</source>
        <translation> (extensão %1)</translation>
    </message>
    <message>
        <source>Popups are paused</source>
        <translation>As janelas estão em pausa</translation>
    </message>
    <message>
        <source>%1 is on the clipboard</source>
        <translation>%1 está na área de transferência</translation>
    </message>
    <message numerus="yes">
        <source>%n call(s) waiting to be written</source>
        <translation>
            <numerusform>%n chamada à espera de ser escrita</numerusform>
            <numerusform>%n chamadas à espera de serem escritas</numerusform>
        </translation>
    </message>
    <message>
        <source>Zoho requires the field %1: ask your Zoho admin to make it optional or give it a default</source>
        <translation>O Zoho exige o campo %1: peça ao administrador do Zoho que o torne opcional ou lhe dê um valor predefinido</translation>
    </message>
    <message>
        <source>Open the record in the CRM</source>
        <translation>Abrir o registo no CRM</translation>
    </message>
    <message>
        <source>Copy the number</source>
        <translation>Copiar o número</translation>
    </message>
    <message>
        <source>Site relay %1 is active</source>
        <translation>Relé do site %1 ativo</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>Último erro: %1</translation>
    </message>
</context>
</TS>
